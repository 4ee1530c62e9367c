package org.partnerdesk.ticket.persistence;

/**
 * Who may see which ticket (API-2), as SQL over the {@code tickets} columns: the requester, the submitter, a CC,
 * or anyone in a customer organization that shares its tickets. Listing and search both filter with this one
 * definition; it binds {@code :user} and {@code :org}.
 */
final class TicketVisibility {

    static final String VISIBLE_TO = """
            (requester_id = :user or submitter_id = :user or collaborator_ids @> array[cast(:user as bigint)]
             or (organization_id = :org and exists (select 1 from organizations o where o.id = :org and o.shared_tickets and o.org_type = 'customer')))""";

    /**
     * Issue #17 item 5: a deleted ticket (soft, or purged to a tombstone) is in no read, list, queue, count or search; only
     * the deleted tickets' own endpoints and the incremental export read it. A filter on the row, after any index.
     */
    static final String NOT_DELETED = "deleted_at is null";

    private TicketVisibility() {
    }
}
