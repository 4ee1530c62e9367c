package org.partnerdesk.directory.crm;

import org.jspecify.annotations.Nullable;

/**
 * A row the import refused, with the column at fault and why; {@code rule} is the SPEC id when a directory rule
 * (DIR-2, DIR-3, DIR-4 ...) refused it. {@code row} counts records as a spreadsheet does: the header is row 1.
 */
public record Reject(int row, @Nullable String column, @Nullable String externalId, @Nullable String rule, String reason) {
}
