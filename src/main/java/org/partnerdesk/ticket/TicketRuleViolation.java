package org.partnerdesk.ticket;

import java.util.List;
import java.util.Map;

import org.partnerdesk.api.ApiException;

/** A change to a ticket that would break one of the ticket rules (TKT-*): 422, and nothing has been written. */
public final class TicketRuleViolation extends ApiException {

    private final TicketRule rule;

    private TicketRuleViolation(TicketRule rule, String field, String message) {
        super(422, "RecordInvalid", message + " (" + rule.id() + ")", Map.of(field, List.of(new FieldError(message, rule.id()))));
        this.rule = rule;
    }

    public static TicketRuleViolation invalid(TicketRule rule, String field, String message) {
        return new TicketRuleViolation(rule, field, message);
    }

    public TicketRule rule() {
        return rule;
    }
}
