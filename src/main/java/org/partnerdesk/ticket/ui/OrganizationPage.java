package org.partnerdesk.ticket.ui;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.partnerdesk.api.Actor;
import org.partnerdesk.api.CursorPage;
import org.partnerdesk.api.PageRequest;
import org.partnerdesk.console.ConsolePage;
import org.partnerdesk.directory.NfrLicenses;
import org.partnerdesk.directory.Organization;
import org.partnerdesk.directory.Organizations;
import org.partnerdesk.directory.Subscription;
import org.partnerdesk.directory.Subscriptions;
import org.partnerdesk.directory.SupportLevel;
import org.partnerdesk.directory.User;
import org.partnerdesk.directory.Users;
import org.partnerdesk.ticket.Ticket;
import org.partnerdesk.ticket.TicketLists;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * UI-1 agent console: an organization (DIR-1) with its subscriptions and the support level they give (DIR-5), its NFR
 * licenses (DIR-6, PO-3), its contacts and its tickets; for a partner also the requests it filed for its customers.
 * In the ticket module for the same reason as {@link UserPage}.
 */
@ConsolePage
class OrganizationPage {

    static final int TICKETS_PER_PAGE = 25;
    static final int CONTACTS_PER_PAGE = 50;

    private final Organizations organizations;
    private final Subscriptions subscriptions;
    private final NfrLicenses nfrLicenses;
    private final Users users;
    private final TicketLists tickets;
    private final DirectoryNames names;
    private final Clock clock;

    OrganizationPage(Organizations organizations, Subscriptions subscriptions, NfrLicenses nfrLicenses, Users users,
                     TicketLists tickets, DirectoryNames names, Clock clock) {
        this.organizations = organizations;
        this.subscriptions = subscriptions;
        this.nfrLicenses = nfrLicenses;
        this.users = users;
        this.tickets = tickets;
        this.names = names;
        this.clock = clock;
    }

    /**
     * Each list pages on its own: {@code before} and {@code customers_before} are the last (oldest) ticket id shown,
     * {@code contacts_after} the last contact id shown.
     */
    @GetMapping("/agent/organizations/{id}")
    String organization(Actor actor, @PathVariable long id,
                        @RequestParam(name = "before", required = false) @Nullable Long before,
                        @RequestParam(name = "customers_before", required = false) @Nullable Long customersBefore,
                        @RequestParam(name = "contacts_after", required = false) @Nullable Long contactsAfter,
                        Model model) {
        actor.requireStaff();
        Organization organization = organizations.find(actor, id);
        LocalDate today = LocalDate.now(clock);
        List<Subscription> held = subscriptions.page(actor, new PageRequest(PageRequest.MAX_SIZE, 0), id).items();
        CursorPage<User> contacts = users.page(actor, new PageRequest(CONTACTS_PER_PAGE, orZero(contactsAfter)), id);
        CursorPage<Ticket> own = tickets.ofOrganization(actor, id, new PageRequest(TICKETS_PER_PAGE, orZero(before)));
        CursorPage<Ticket> forCustomers = organization.isPartner()
                ? tickets.submittedForCustomersBy(actor, id, new PageRequest(TICKETS_PER_PAGE, orZero(customersBefore)))
                : new CursorPage<>(List.of(), false, null);

        List<Ticket> listed = new ArrayList<>(own.items());
        listed.addAll(forCustomers.items());
        DirectoryNames.Names named = names.of(actor, listed,
                held.stream().map(Subscription::purchasedThroughOrganizationId).filter(Objects::nonNull).toList());

        List<SubscriptionRow> subscriptionRows = held.stream()
                .map(s -> SubscriptionRow.of(s, today, named.organization(s.purchasedThroughOrganizationId()))).toList();
        model.addAttribute("organization", organization);
        model.addAttribute("subscriptions", subscriptionRows);
        model.addAttribute("supportLevel", supportLevel(held, today).code());
        model.addAttribute("nfrLicenses", organization.isPartner()
                ? nfrLicenses.page(actor, new PageRequest(PageRequest.MAX_SIZE, 0), id).items().stream()
                        .map(license -> NfrLicenseRow.of(license, today)).toList()
                : List.of());
        model.addAttribute("contacts", contacts.items());
        model.addAttribute("contactsMore", contacts.hasMore() ? contacts.items().getLast().id() : null);
        model.addAttribute("contactsPaged", contactsAfter != null);
        model.addAttribute("rows", named.rows(own.items()));
        model.addAttribute("olderThan", own.hasMore() ? own.items().getLast().id() : null);
        model.addAttribute("newerPages", before != null);
        model.addAttribute("customerRows", named.rows(forCustomers.items()));
        model.addAttribute("customersOlderThan", forCustomers.hasMore() ? forCustomers.items().getLast().id() : null);
        model.addAttribute("customersNewerPages", customersBefore != null);
        return "ticket/organization";
    }

    // DIR-5: the best level a running subscription gives today; expired and future ones give none
    private static SupportLevel supportLevel(List<Subscription> held, LocalDate today) {
        return held.stream().map(s -> s.supportLevelOn(today)).min(Comparator.naturalOrder()).orElse(SupportLevel.NONE);
    }

    private static long orZero(@Nullable Long id) {
        return id == null ? 0 : id;
    }
}
