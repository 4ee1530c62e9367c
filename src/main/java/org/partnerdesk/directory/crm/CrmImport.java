package org.partnerdesk.directory.crm;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/** DIR-7 the record of one import: who ran which file, when, what became of its rows, and the first rejects. */
public record CrmImport(long id, ImportKind kind, @Nullable String fileName, String source, long actorId, Instant startedAt,
                 @Nullable Instant finishedAt, int rows, int created, int updated, int unchanged, int rejectedCount,
                 List<Reject> rejected) {

    /** How many rejects a report lists; the rest are paged at {@code /imports/crm/{id}/rejects}. */
    public static final int REJECTS_IN_REPORT = 1000;

    static final String FROM_API = "api";
    static final String FROM_COMMAND_LINE = "command_line";
    /** #16: uploaded on the operations console's page. */
    static final String FROM_PAGE = "page";
}
