package org.partnerdesk.ticket;

/** Issue #17, {@code GET /tags}: one tag and the number of tickets (not deleted) that carry it. */
public record TagCount(String name, long count) {
}
