package org.partnerdesk.ticket.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;

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
    Map<String, Object> forms(Actor actor) {
        List<FormJson> all = forms.forms(actor).stream().map(FormJson::of).toList();
        return Map.of("ticket_forms", all, "count", all.size());
    }

    @GetMapping("/ticket_forms/{id}")
    Map<String, FormJson> form(Actor actor, @PathVariable long id) {
        return Map.of("ticket_form", forms.forms(actor).stream().filter(f -> f.id() == id).findFirst().map(FormJson::of)
                .orElseThrow(() -> ApiException.notFound("Ticket form " + id)));
    }

    @GetMapping("/ticket_fields")
    Map<String, Object> fields(Actor actor) {
        List<FieldJson> all = forms.fields(actor).stream().map(FieldJson::of).toList();
        return Map.of("ticket_fields", all, "count", all.size());
    }

    @GetMapping("/ticket_fields/{id}")
    Map<String, FieldJson> field(Actor actor, @PathVariable long id) {
        return Map.of("ticket_field", forms.fields(actor).stream().filter(f -> f.id() == id).findFirst().map(FieldJson::of)
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
}
