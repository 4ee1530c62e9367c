package org.partnerdesk.sla;

import org.jspecify.annotations.Nullable;

/**
 * TKT-4: the reply target a ticket would get, before it exists (the portal's decision preview): the policy's name, the
 * priority it is served as, how many minutes, and whether they are business hours or calendar time.
 */
public record ReplyTarget(String policy, @Nullable String priority, long minutes, boolean businessHours) {
}
