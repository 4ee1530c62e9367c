package org.partnerdesk.ticket.web;

import java.time.Instant;
import java.util.List;

import org.partnerdesk.api.Actor;
import org.partnerdesk.api.ApiException;
import org.partnerdesk.ticket.TicketField;
import org.partnerdesk.ticket.TicketForm;
import org.partnerdesk.ticket.TicketForms;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v2/ticket_forms} and {@code /api/v2/ticket_fields} (SPEC 7): anyone signed in may read them. */
@RestController
@RequestMapping("/api/v2")
class TicketFormController {

    private final TicketForms forms;

    TicketFormController(TicketForms forms) {
        this.forms = forms;
    }

    @GetMapping("/ticket_forms")
    FormList forms(Actor actor) {
        List<FormJson> all = forms.forms(actor).stream().map(FormJson::of).toList();
        return new FormList(all, all.size());
    }

    @GetMapping("/ticket_forms/{id}")
    FormResponse form(Actor actor, @PathVariable long id) {
        return new FormResponse(forms.forms(actor).stream().filter(f -> f.id() == id).findFirst().map(FormJson::of)
                .orElseThrow(() -> ApiException.notFound("Ticket form " + id)));
    }

    @GetMapping("/ticket_fields")
    FieldList fields(Actor actor) {
        List<FieldJson> all = forms.fields(actor).stream().map(FieldJson::of).toList();
        return new FieldList(all, all.size());
    }

    @GetMapping("/ticket_fields/{id}")
    FieldResponse field(Actor actor, @PathVariable long id) {
        return new FieldResponse(forms.fields(actor).stream().filter(f -> f.id() == id).findFirst().map(FieldJson::of)
                .orElseThrow(() -> ApiException.notFound("Ticket field " + id)));
    }

    record FormJson(long id, String name, String displayName, int position, boolean active, boolean endUserVisible,
                    boolean inAllBrands, List<Long> ticketFieldIds, Instant createdAt, Instant updatedAt) {
        static FormJson of(TicketForm f) {
            return new FormJson(f.id(), f.name(), f.displayName(), f.position(), f.active(), f.endUserVisible(), true,
                    f.ticketFieldIds(), f.createdAt(), f.updatedAt());
        }
    }

    record FieldJson(long id, String type, String title, String titleInPortal, String description, boolean required,
                     boolean requiredInPortal, int position, boolean active, boolean removable,
                     List<TicketField.Option> customFieldOptions, Instant createdAt, Instant updatedAt) {
        static FieldJson of(TicketField f) {
            return new FieldJson(f.id(), f.type(), f.title(), f.title(), f.description(), f.required(), f.required(),
                    f.position(), f.active(), !f.system(), f.options(), f.createdAt(), f.updatedAt());
        }
    }

    /** Every ticket form the caller may see, and how many. */
    record FormList(List<FormJson> ticketForms, int count) {
    }

    record FormResponse(FormJson ticketForm) {
    }

    /** Every ticket field the caller may see, and how many. */
    record FieldList(List<FieldJson> ticketFields, int count) {
    }

    record FieldResponse(FieldJson ticketField) {
    }
}
