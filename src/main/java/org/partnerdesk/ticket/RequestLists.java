package org.partnerdesk.ticket;

import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.partnerdesk.api.Actor;
import org.partnerdesk.api.ApiException;
import org.partnerdesk.api.CursorPage;
import org.partnerdesk.api.PageRequest;
import org.partnerdesk.directory.Organization;
import org.partnerdesk.directory.Organizations;
import org.partnerdesk.ticket.persistence.StoredRequestLists;
import org.springframework.stereotype.Service;

/**
 * TKT-5 [the partner portal lists what the partner submitted or is CC'd on; a customer sees their organization's tickets
 * when the organization shares them]: the portal's lists of one person's requests, newest first. Every list holds only
 * tickets the person may open (API-2); a list they may not have is refused in words. {@code PageRequest.afterId} is the
 * last (oldest) id of the page before.
 */
@Service
public class RequestLists {

    private final StoredRequestLists stored;
    private final Organizations organizations;
    private final long customerNameField;

    RequestLists(StoredRequestLists stored, Organizations organizations, TicketForms forms) {
        this.stored = stored;
        this.organizations = organizations;
        this.customerNameField = forms.fieldId(TicketForms.CUSTOMER_NAME);
    }

    /** One page of {@code list}, of one status or all (null). */
    public CursorPage<Ticket> page(Actor actor, RequestList list, @Nullable TicketStatus status, PageRequest page) {
        refusal(actor, list).ifPresent(why -> {
            throw ApiException.forbidden(why);
        });
        long before = page.afterId();
        int limit = page.fetchSize();
        List<Ticket> found = switch (list) {
            case MINE -> stored.requestedOrSubmittedBy(actor.userId(), status, before, limit);
            case CCD -> stored.copying(actor.userId(), status, before, limit);
            case ORGANIZATION -> stored.ofOrganization(java.util.Objects.requireNonNull(actor.organizationId()), status, before, limit);
            case CUSTOMERS -> stored.filedForCustomersBy(actor.userId(), customerNameField, status, before, limit);
        };
        return CursorPage.of(found, page, Ticket::id);
    }

    /** Why {@code actor} may not have this list, in words; empty when they may. */
    public Optional<String> refusal(Actor actor, RequestList list) {
        return switch (list) {
            case MINE, CCD -> Optional.empty();
            case ORGANIZATION -> organizationRefusal(actor);
            case CUSTOMERS -> partner(actor).isPresent() ? Optional.empty()
                    : Optional.of("Requests for customers are a partner's list: your account is not in a partner organization.");
        };
    }

    // API-2: a customer organization's people read each other's tickets only where it shares them
    private Optional<String> organizationRefusal(Actor actor) {
        Organization own = actor.organizationId() == null ? null : organizations.find(actor.organizationId()).orElse(null);
        if (own == null) {
            return Optional.of("Your account belongs to no organization, so there are no organization requests to show.");
        }
        if (!own.isCustomer()) {
            return Optional.of(own.name() + " is not a customer organization: its people see the requests they filed or are"
                    + " CC'd on, not each other's.");
        }
        if (!own.sharesTickets()) {
            return Optional.of(own.name() + " does not share its requests among its people, so each of you sees only your own"
                    + " and those you are CC'd on. Your administrator can ask us to share them.");
        }
        return Optional.empty();
    }

    private Optional<Organization> partner(Actor actor) {
        return actor.organizationId() == null ? Optional.empty()
                : organizations.find(actor.organizationId()).filter(Organization::isPartner);
    }
}
