package org.partnerdesk.ticket;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.partnerdesk.api.Actor;
import org.partnerdesk.directory.Organization;
import org.partnerdesk.directory.PartnerTrack;
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

    /**
     * Issue #15, the portal's "Form" list: the forms open to this person, the one that fits them best first. Partners: the
     * Open Partner form (it grants nothing, so any track may use it) and their own track's form (ENT-3, ENT-6), Support
     * for their own work (ENT-4), Licensing & Renewals (PO-7) and Partner Operations (PO-6); everyone else the customer
     * forms (ENT-10) and Licensing & Renewals; staff every form. The policy still decides whatever form is used (ENT-9).
     */
    public List<TicketForm> openTo(Actor actor, @Nullable Organization own) {
        if (actor.isStaff()) {
            return forms(actor);
        }
        List<String> names = own != null && own.isPartner()
                ? switch (own.track() == null ? PartnerTrack.OPEN : own.track()) {
                    case SELECT -> List.of("Select Partner", "Open Partner", "Support", "Licensing & Renewals", "Partner Operations");
                    case ALLIANCE -> List.of("Alliance Partner", "Open Partner", "Support", "Licensing & Renewals", "Partner Operations");
                    case OPEN, DISTRIBUTOR -> List.of("Open Partner", "Support", "Licensing & Renewals", "Partner Operations");
                }
                : List.of("Support", "SaaS", "SaaS Account", "Licensing & Renewals");
        Map<String, TicketForm> shown = forms(actor).stream().collect(Collectors.toMap(TicketForm::name, Function.identity()));
        return names.stream().map(shown::get).filter(java.util.Objects::nonNull).toList();
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
