package org.partnerdesk.directory;

import java.time.Instant;

/** DIR-8 an agent or admin in a team. */
public record GroupMembership(long id, long userId, long groupId, Instant createdAt) {
}
