package org.partnerdesk.partnerops;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.partnerdesk.api.WholeSeconds;
import org.partnerdesk.api.Actor;
import org.partnerdesk.api.ApiException;
import org.partnerdesk.api.CursorPage;
import org.partnerdesk.api.EmailAddress;
import org.partnerdesk.api.PageRequest;
import org.partnerdesk.api.Role;
import org.partnerdesk.directory.Groups;
import org.partnerdesk.directory.Organization;
import org.partnerdesk.directory.Organizations;
import org.partnerdesk.directory.OrganizationType;
import org.partnerdesk.directory.User;
import org.partnerdesk.directory.UserDetails;
import org.partnerdesk.directory.Users;
import org.partnerdesk.partnerops.billing.ActivationSchedule;
import org.partnerdesk.partnerops.billing.persistence.StoredBillingAccounts;
import org.partnerdesk.ticket.NewTicket;
import org.partnerdesk.ticket.Ticket;
import org.partnerdesk.ticket.TicketChange;
import org.partnerdesk.ticket.TicketForms;
import org.partnerdesk.ticket.TicketStatus;
import org.partnerdesk.ticket.TicketType;
import org.partnerdesk.ticket.Tickets;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * PO-5 [003]: a new entity of a partner's parent company gets a billing account, never an organization of its own. The
 * billing contact becomes a user of the partner organization, Billing Operations are asked (a Partner Operations ticket
 * routed to them, PO-6) and create the account, and it can be chosen for quotes once the activation delay is over.
 */
@Service
public class BillingAccounts {

    /** What a partner, or staff for a partner, asks for. */
    public record Request(@Nullable Long organizationId, @Nullable String entityName, String contactName, String contactEmail,
                          String contactAddress) {
    }

    private final StoredBillingAccounts stored;
    private final Organizations organizations;
    private final Users users;
    private final Tickets tickets;
    private final TicketForms forms;
    private final ActivationSchedule schedule;
    private final Clock clock;
    private final Duration activationDelay;

    BillingAccounts(StoredBillingAccounts stored, Organizations organizations, Users users, Tickets tickets, TicketForms forms,
                    ActivationSchedule schedule, Clock clock,
                    @Value("${partnerdesk.billing.activation-delay:PT2H}") Duration activationDelay) {
        this.stored = stored;
        this.organizations = organizations;
        this.users = users;
        this.tickets = tickets;
        this.forms = forms;
        this.schedule = schedule;
        this.clock = clock;
        this.activationDelay = activationDelay;
    }

    @Transactional
    public BillingAccount request(Actor actor, Request request) {
        Organization partner = partnerFor(actor, request.organizationId());
        BillingAccount.Contact contact = contactUnder(partner, request);
        Instant now = now();
        BillingAccount account = stored.insert(BillingAccount.requested(partner.id(), request.entityName(), contact, actor.userId(), now));
        Ticket ticket = tickets.create(actor, askBillingOperations(account, partner));
        account = stored.update(account.withTicket(ticket.id()));
        stored.audit(account.id(), actor.userId(), account.status().code(), null,
                "requested for " + partner.name() + "; Billing Operations ticket #" + ticket.id(), now);
        return account;
    }

    /** PO-5: Billing Operations create the account; it becomes active after the activation delay, by the job scheduler. */
    /** PO-5: Billing Operations create billing accounts; the operations console shows "Create" to them alone. */
    public boolean mayCreate(Actor actor) {
        return actor.isStaff() && actor.isMemberOf(Groups.BILLING_OPERATIONS);
    }

    @Transactional
    public BillingAccount create(Actor actor, long id) {
        if (!mayCreate(actor)) {
            throw ApiException.forbidden("Only members of Billing Operations create billing accounts (PO-5).");
        }
        BillingAccount before = stored.lock(id).orElseThrow(() -> ApiException.notFound("Billing account " + id));
        Instant now = now();
        BillingAccount created = stored.update(before.create(actor.userId(), now, activationDelay));
        stored.audit(id, actor.userId(), created.status().code(), before.status().code(),
                "created by Billing Operations; available for quoting from " + WholeSeconds.of(created.activatesAt()), now);
        schedule.activateAt(id, created.activatesAt());
        tell(actor, created, "Billing Operations created " + created.describe() + ". It can be chosen as invoice owner in quotes from "
                + WholeSeconds.of(created.activatesAt()) + " (about " + hours(activationDelay) + " after creation, PO-5).", null);
        return created;
    }

    /**
     * PO-5: the job's step: a provisioning account whose activation time has come becomes active and available for quoting;
     * anything else (too early, already active, gone) changes nothing, so a repeated run is harmless.
     */
    @Transactional
    public Optional<BillingAccount> activate(long id, Instant at) {
        Optional<BillingAccount> before = stored.lock(id);
        Optional<BillingAccount> activated = before.flatMap(account -> account.activate(at.truncatedTo(ChronoUnit.MICROS)));
        if (activated.isEmpty()) {
            return Optional.empty();
        }
        BillingAccount active = stored.update(activated.get());
        stored.audit(id, null, active.status().code(), before.get().status().code(), "activation delay over", active.updatedAt());
        tell(null, active, "Your " + active.describe() + " is active: sales can now choose it as invoice owner in quotes, with "
                + active.contact().name() + " <" + active.contact().email() + "> as invoice owner contact (PO-5).", TicketStatus.SOLVED);
        return Optional.of(active);
    }

    public BillingAccount find(Actor actor, long id) {
        BillingAccount account = stored.find(id).orElseThrow(() -> ApiException.notFound("Billing account " + id));
        if (!actor.isStaff() && !actor.belongsTo(account.organizationId())) { // #10: as if it did not exist
            throw ApiException.notFound("Billing account " + id);
        }
        return account;
    }

    /** A page of billing accounts; {@code onlyQuotable} keeps those sales may choose as invoice owner (PO-5). */
    public CursorPage<BillingAccount> page(Actor actor, @Nullable Long organizationId, boolean onlyQuotable, PageRequest page) {
        Long scope = organizationId;
        if (!actor.isStaff()) {
            Organization own = actor.organizationId() == null ? null : organizations.find(actor.organizationId()).orElse(null);
            if (own == null || !own.isPartner() || (organizationId != null && !organizationId.equals(own.id()))) {
                throw ApiException.forbidden("You can see only your own partner organization's billing accounts.");
            }
            scope = own.id();
        }
        return CursorPage.of(stored.page(scope, onlyQuotable, page.afterId(), page.fetchSize()), page, BillingAccount::id);
    }

    /** #16: staff's list of one state (or all), oldest first: the requested ones are Billing Operations' work queue (PO-5). */
    public CursorPage<BillingAccount> inStatus(Actor actor, BillingAccount.@Nullable Status status, PageRequest page) {
        actor.requireStaff();
        return CursorPage.of(stored.inStatus(status, page.afterId(), page.fetchSize()), page, BillingAccount::id);
    }

    public CursorPage<Transition> audits(Actor actor, long id, PageRequest page) {
        find(actor, id);
        return CursorPage.of(stored.audits(id, page.afterId(), page.fetchSize()), page, Transition::id);
    }

    // PO-5 [003]: partners ask for their own organization; Partner Operations, Channel Managers and Billing Operations for any partner
    /** PO-5: staff who may ask for a partner: admins, Partner Operations, Channel Managers and Billing Operations. */
    public boolean mayRequestForPartners(Actor actor) {
        return actor.isStaff() && (actor.isAdmin() || actor.isMemberOf(Groups.PARTNER_OPERATIONS)
                || actor.isMemberOf(Groups.CHANNEL_MANAGERS) || actor.isMemberOf(Groups.BILLING_OPERATIONS));
    }

    /** PO-5: who may ask at all, whatever the body names; the API asks before reading the body. */
    public void requireMayRequest(Actor actor) {
        if (actor.isStaff() && !mayRequestForPartners(actor)) {
            throw ApiException.forbidden("Only the partner, Partner Operations, Channel Managers and Billing Operations "
                    + "ask for billing accounts (PO-5).");
        }
        if (!actor.isStaff() && actor.organizationId() == null) {
            throw ApiException.forbidden("You can ask for billing accounts only for your own partner organization.");
        }
    }

    private Organization partnerFor(Actor actor, @Nullable Long organizationId) {
        requireMayRequest(actor);
        if (actor.isStaff()) {
            if (organizationId == null) {
                throw ApiException.invalid("organization_id", "blank", "is required: name the partner organization");
            }
        } else if (actor.organizationId() == null || (organizationId != null && !organizationId.equals(actor.organizationId()))) {
            throw ApiException.forbidden("You can ask for billing accounts only for your own partner organization.");
        }
        long id = organizationId != null ? organizationId : actor.organizationId();
        Organization organization = organizations.find(id).orElseThrow(() -> actor.isStaff()
                ? ApiException.invalid("organization_id", "not_found", "names no organization (" + id + ")")
                : ApiException.forbidden("You can ask for billing accounts only for your own partner organization."));
        if (!organization.isPartner()) {
            if (!actor.isStaff()) {
                throw ApiException.forbidden("Billing accounts are for partner organizations (PO-5).");
            }
            throw ApiException.invalid("organization_id", "PO-5", organization.name() + " is a " + organization.type().code()
                    + " organization; billing accounts are for new entities of a partner's parent company");
        }
        return organization;
    }

    // PO-5 [003]: the billing contact is a contact of the partner organization; DIR-2/DIR-3 keep it there and nowhere else
    private BillingAccount.Contact contactUnder(Organization partner, Request request) {
        String email = EmailAddress.normalized(request.contactEmail()).orElseThrow(() ->
                ApiException.invalid("contact.email", "invalid_value", request.contactEmail() + " is not an e-mail address"));
        Optional<User> existing = users.findByEmail(email);
        User contact;
        if (existing.isPresent()) {
            contact = existing.get();
            if (contact.organizationId() == null || contact.organizationId() != partner.id()) {
                throw contactElsewhere(partner, contact);
            }
        } else {
            try {
                contact = users.provision(new UserDetails(request.contactName(), email, Role.END_USER, null, null), partner.id());
            } catch (DuplicateKeyException raced) {
                throw ApiException.invalid("contact.email", "duplicate", email + " was just added by someone else; send the request again");
            }
        }
        return new BillingAccount.Contact(contact.id(), request.contactName(), contact.email(), request.contactAddress());
    }

    private ApiException contactElsewhere(Organization partner, User contact) {
        Organization other = contact.organizationId() == null ? null : organizations.find(contact.organizationId()).orElse(null);
        if (contact.contactSide() == OrganizationType.CUSTOMER || (other != null && other.isCustomer())) {
            return ApiException.invalid("contact.email", "DIR-3", contact.email() + " is a customer contact; a customer's contact "
                    + "cannot become the billing contact of partner " + partner.name() + " (DIR-3). Give a contact of the partner's entity.");
        }
        String where = other == null ? "a user without organization" : "a contact of " + other.name();
        return ApiException.invalid("contact.email", "DIR-2", contact.email() + " is " + where + "; a billing contact belongs to "
                + partner.name() + " (PO-5). Give another address, or move the user to " + partner.name() + " first.");
    }

    private NewTicket askBillingOperations(BillingAccount account, Organization partner) {
        String entity = account.entityName() == null ? partner.name() : account.entityName();
        String body = "Please create a billing account for " + entity + " (an entity of partner " + partner.name()
                + ") from the billing contact below, then mark billing account #" + account.id() + " created (PO-5).\n\n"
                + "Invoice owner contact: " + account.contact().name() + " <" + account.contact().email() + ">\n"
                + "Billing address: " + account.contact().address() + "\n"
                + "Billing account: /api/v2/billing_accounts/" + account.id();
        long requestType = forms.fieldId(TicketForms.REQUEST_TYPE);
        return NewTicket.opening("Billing account for " + entity, body, forms.formNamed("Partner Operations").id()).withType(TicketType.TASK)
                .withFields(Map.of(requestType, "billing_account")).tagged(List.of("billing_account"));
    }

    // the ticket is where the partner hears of progress (a public reply, mailed through the outbox); a closed one is left alone
    private void tell(@Nullable Actor actor, BillingAccount account, String text, @Nullable TicketStatus status) {
        if (account.ticketId() == null || tickets.find(account.ticketId()).map(Ticket::isClosed).orElse(true)) {
            return;
        }
        TicketChange change = TicketChange.reply(text).settingStatus(status);
        if (actor == null) {
            tickets.updateAsDesk(account.ticketId(), change);
        } else {
            tickets.update(actor, account.ticketId(), change);
        }
    }

    private static String hours(Duration delay) {
        return delay.toMinutes() % 60 == 0 ? delay.toHours() + " h" : delay.toMinutes() + " min";
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
