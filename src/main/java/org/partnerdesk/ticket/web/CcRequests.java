package org.partnerdesk.ticket.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.partnerdesk.api.EmailAddress;
import org.partnerdesk.api.JsonBody;
import org.partnerdesk.ticket.TicketChange.CcChange;
import tools.jackson.databind.JsonNode;

/**
 * The CC part of a PUT on a ticket, in Zendesk's three spellings: {@code email_ccs:[{user_email|user_id, action:
 * "put"|"delete"}]}, {@code collaborators} / {@code additional_collaborators:[id|email|{email}]} (added), and
 * {@code collaborator_ids:[id]} (the whole list). Who may change them is the ticket's business (TKT-2).
 */
final class CcRequests {

    private static final Set<String> ACTIONS = Set.of("put", "delete");

    private CcRequests() {
    }

    static List<CcChange> changes(JsonBody ticket) {
        List<CcChange> changes = new ArrayList<>();
        for (JsonBody cc : ticket.objects("email_ccs", 48)) {
            String email = cc.text("user_email", 254);
            Long id = cc.id("user_id");
            boolean removal = "delete".equals(cc.oneOf("action", ACTIONS));
            if (email != null) {
                add(cc, "user_email", email, removal, changes);
            } else if (id != null) {
                changes.add(new CcChange(id, null, removal));
            } else {
                cc.problemWith("user_email", "blank", "names neither a user_email nor a user_id");
            }
        }
        for (String field : List.of("collaborators", "additional_collaborators")) {
            JsonNode given = ticket.raw(field);
            if (given == null || !given.isArray()) {
                continue;
            }
            for (JsonNode item : given.values()) {
                if (JsonBody.isWholeLong(item)) {
                    changes.add(new CcChange(item.longValue(), null, false));
                } else if (item.isString()) {
                    add(ticket, field, item.stringValue(), false, changes);
                } else if (item.isObject() && item.get("email") != null && item.get("email").isString()) {
                    add(ticket, field, item.get("email").stringValue(), false, changes);
                } else {
                    ticket.problemWith(field, "invalid_value", "must hold user ids, e-mails or {\"email\"} objects");
                }
            }
        }
        return changes;
    }

    /** {@code collaborator_ids}: the CC list as the client wants it to be, or null when not named. */
    static @Nullable List<Long> wholeList(JsonBody ticket) {
        JsonNode given = ticket.raw("collaborator_ids");
        if (given == null || given.isNull()) {
            return null;
        }
        List<Long> ids = new ArrayList<>();
        if (!given.isArray()) {
            ticket.problemWith("collaborator_ids", "invalid_value", "must be a list of user ids");
            return null;
        }
        for (JsonNode id : given.values()) {
            if (JsonBody.isWholeLong(id)) {
                ids.add(id.longValue());
            } else {
                ticket.problemWith("collaborator_ids", "invalid_value", "must be a list of user ids");
            }
        }
        return ids;
    }

    private static void add(JsonBody where, String field, String email, boolean removal, List<CcChange> changes) {
        EmailAddress.normalized(email).ifPresentOrElse(
                address -> changes.add(new CcChange(null, address, removal)),
                () -> where.problemWith(field, "invalid_value", email.strip() + " is not an e-mail address"));
    }
}
