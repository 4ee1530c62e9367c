package org.partnerdesk.ticket;

import java.time.Instant;

/** TKT-1 a public reply or an internal note. */
public record Comment(long id, long ticketId, long authorId, String body, boolean isPublic, Instant createdAt) {
}
