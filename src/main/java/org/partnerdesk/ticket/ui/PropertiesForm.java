package org.partnerdesk.ticket.ui;

import java.util.List;

import org.partnerdesk.ticket.Ticket;

/**
 * UI-1 the ticket's properties as the agent set them: priority with its public explanation (TKT-3), group, assignee,
 * tags, a CC to add with the support manager's reason and CCs to take off (TKT-2), and the {@code updated_at} loaded.
 */
record PropertiesForm(String priority, String explanation, String groupId, String assigneeId, String tags, String addCc,
                      String ccReason, List<Long> removeCc, String updatedAt) {

    PropertiesForm {
        removeCc = List.copyOf(removeCc);
    }

    static PropertiesForm of(Ticket ticket) {
        return new PropertiesForm(ticket.priority() == null ? "" : ticket.priority().code(), "",
                ticket.groupId() == null ? "" : ticket.groupId().toString(),
                ticket.assigneeId() == null ? "" : ticket.assigneeId().toString(), String.join(" ", ticket.tags()), "", "", List.of(),
                ticket.updatedAt().toString());
    }

    PropertiesForm loadedAt(String newUpdatedAt) {
        return new PropertiesForm(priority, explanation, groupId, assigneeId, tags, addCc, ccReason, removeCc, newUpdatedAt);
    }
}
