package org.partnerdesk.ticket;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.partnerdesk.api.ApiException;
import org.partnerdesk.directory.Contacts;
import org.partnerdesk.entitlement.EntitlementPolicy;
import org.partnerdesk.entitlement.EntitlementRefusal;
import org.partnerdesk.entitlement.Form;
import org.partnerdesk.entitlement.Person;
import org.partnerdesk.entitlement.TicketFacts;
import org.partnerdesk.ticket.Ticket.StoredDecision;
import org.springframework.stereotype.Component;

/** Loads what the entitlement decision looks at (one directory query) and runs it (SPEC 2). */
@Component
class TicketDecisions {

    private final EntitlementPolicy policy = new EntitlementPolicy();
    private final Contacts contacts;
    private final TicketForms forms;
    private final Clock clock;

    TicketDecisions(Contacts contacts, TicketForms forms, Clock clock) {
        this.contacts = contacts;
        this.forms = forms;
        this.clock = clock;
    }

    /** One decision with the facts it was made on: the decision preview names their people and organizations without asking again. */
    record Decided(StoredDecision decision, TicketFacts facts) {
    }

    /** Decides for {@code decidedForId}: the submitter on partner forms, the requester on the others. */
    StoredDecision decide(long decidedForId, long formId, Map<Long, Object> fields, String subject, String description,
                          List<String> ccEmails) {
        return decideWithFacts(decidedForId, formId, fields, subject, description, ccEmails).decision();
    }

    /** The same, keeping the facts (one directory query, no write). */
    Decided decideWithFacts(long decidedForId, long formId, Map<Long, Object> fields, String subject, String description,
                            List<String> ccEmails) {
        String organizationEmail = text(fields, TicketForms.ORGANIZATION_EMAIL);
        Contacts.People people = contacts.find(decidedForId, organizationEmail);
        Person person = people.byId();
        if (person == null) {
            throw new IllegalStateException("user " + decidedForId + " vanished while its ticket was decided");
        }
        TicketFacts facts = new TicketFacts(form(formId), person, organizationEmail, people.byEmail(),
                text(fields, TicketForms.CUSTOMER_NAME), text(fields, TicketForms.PARTNER_TROUBLESHOOTING),
                text(fields, TicketForms.PARTNER_ENGAGEMENT), Boolean.TRUE.equals(fields.get(forms.fieldId(TicketForms.CC_PARTNER))),
                text(fields, TicketForms.ALLIANCE_TICKET_ID), text(fields, TicketForms.LICENSING_REQUEST), subject, description,
                ccEmails, LocalDate.now(clock));
        try {
            return new Decided(new StoredDecision(policy.decide(facts), decidedForId), facts);
        } catch (EntitlementRefusal refused) {
            throw new ApiException(422, "RecordInvalid", refused.getMessage() + " (" + refused.rule().id() + ")", Map.of("custom_fields",
                    List.of(new ApiException.FieldError(refused.getMessage(), refused.rule().id()))));
        }
    }

    /** The entitlement module's name for a form; SaaS and SaaS Account are customer forms like Support (ENT-10). */
    Form form(long formId) {
        String name = forms.form(formId).map(TicketForm::name).orElse("Other");
        if (name.equals("SaaS") || name.equals("SaaS Account")) {
            return Form.SUPPORT;
        }
        return Arrays.stream(Form.values()).filter(f -> f.title().equals(name)).findFirst().orElse(Form.OTHER);
    }

    boolean isPartnerForm(long formId) {
        Form form = form(formId);
        return form == Form.OPEN_PARTNER || form == Form.SELECT_PARTNER || form == Form.ALLIANCE_PARTNER;
    }

    /** The fields whose change re-runs the decision (ENT-8). */
    List<Long> inputFieldIds() {
        return List.of(forms.fieldId(TicketForms.ORGANIZATION_EMAIL), forms.fieldId(TicketForms.CUSTOMER_NAME),
                forms.fieldId(TicketForms.PARTNER_TROUBLESHOOTING), forms.fieldId(TicketForms.PARTNER_ENGAGEMENT),
                forms.fieldId(TicketForms.CC_PARTNER), forms.fieldId(TicketForms.ALLIANCE_TICKET_ID),
                forms.fieldId(TicketForms.LICENSING_REQUEST));
    }

    private @Nullable String text(Map<Long, Object> fields, String title) {
        Object value = fields.get(forms.fieldId(title));
        return value == null ? null : value.toString();
    }
}
