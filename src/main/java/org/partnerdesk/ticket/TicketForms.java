package org.partnerdesk.ticket;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.partnerdesk.api.Actor;
import org.partnerdesk.ticket.persistence.StoredForms;
import org.springframework.stereotype.Service;

/**
 * The built-in forms and fields, loaded once: ticket intake looks them up on every request, and they change
 * only with a migration (a restart).
 */
@Service
public class TicketForms {

    public static final String ORGANIZATION_EMAIL = "Organization Email (partners)";
    public static final String CUSTOMER_NAME = "Customer Name (partners)";
    public static final String PARTNER_TROUBLESHOOTING = "Partner troubleshooting";
    public static final String PARTNER_ENGAGEMENT = "Partner engagement";
    public static final String CC_PARTNER = "CC partner";
    public static final String ALLIANCE_TICKET_ID = "Alliance partner ticket ID";
    public static final String REQUEST_TYPE = "Request type";
    public static final String LICENSING_REQUEST = "Licensing request";

    private final List<TicketForm> forms;
    private final List<TicketField> fields;
    private final Map<Long, TicketForm> formsById;
    private final Map<Long, TicketField> fieldsById;
    private final Map<String, TicketField> fieldsByTitle;

    TicketForms(StoredForms stored) {
        this.forms = stored.forms();
        this.fields = stored.fields();
        this.formsById = forms.stream().collect(Collectors.toUnmodifiableMap(TicketForm::id, Function.identity()));
        this.fieldsById = fields.stream().collect(Collectors.toUnmodifiableMap(TicketField::id, Function.identity()));
        this.fieldsByTitle = fields.stream().collect(Collectors.toUnmodifiableMap(TicketField::title, Function.identity()));
    }

    /** End users see the forms meant for them; staff see all. */
    public List<TicketForm> forms(Actor actor) {
        return forms.stream().filter(form -> form.active() && (actor.isStaff() || form.endUserVisible())).toList();
    }

    public List<TicketField> fields(Actor actor) {
        return fields.stream().filter(TicketField::active).toList();
    }

    public Optional<TicketForm> form(long id) {
        return Optional.ofNullable(formsById.get(id));
    }

    public Optional<TicketField> field(long id) {
        return Optional.ofNullable(fieldsById.get(id));
    }

    public long fieldId(String title) {
        TicketField field = fieldsByTitle.get(title);
        if (field == null) {
            throw new IllegalStateException("No ticket field titled " + title + " (see migration V10)");
        }
        return field.id();
    }

    public TicketForm formNamed(String name) {
        return forms.stream().filter(form -> form.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalStateException("No ticket form named " + name));
    }
}
