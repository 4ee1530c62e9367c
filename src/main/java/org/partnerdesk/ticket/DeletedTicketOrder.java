package org.partnerdesk.ticket;

/** Issue #17 item 5: how the deleted tickets list is sorted (Zendesk's {@code sort_by} id or deleted_at, and {@code sort_order}). */
public enum DeletedTicketOrder {
    ID_ASC, ID_DESC, DELETED_AT_ASC, DELETED_AT_DESC;

    public boolean byDeletedAt() {
        return this == DELETED_AT_ASC || this == DELETED_AT_DESC;
    }

    public boolean descending() {
        return this == ID_DESC || this == DELETED_AT_DESC;
    }
}
