package org.partnerdesk.demo;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.partnerdesk.api.Actor;
import org.partnerdesk.api.Role;
import org.partnerdesk.directory.Groups;
import org.partnerdesk.directory.Organization;
import org.partnerdesk.directory.OrganizationDetails;
import org.partnerdesk.directory.Organizations;
import org.partnerdesk.directory.User;
import org.partnerdesk.directory.Users;
import org.partnerdesk.ticket.NewTicket;
import org.partnerdesk.ticket.TicketForms;
import org.partnerdesk.ticket.TicketPriority;
import org.partnerdesk.ticket.Tickets;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Issue #15: every portal list has something to show for the demo partner ({@link #PARTNER}, ResellCo) and the demo
 * customer ({@link #CUSTOMER}, Acme): Acme shares its requests among its people (API-2), and each of them is CC'd on a
 * request (TKT-2). Their own requests and those ResellCo filed for Acme come from {@link DemoTickets}.
 */
@Component
class DemoPortalRequests {

    /** The demo partner the README tells to sign in to the portal. */
    static final String PARTNER = "sam@resellco.test";
    /** The demo customer. */
    static final String CUSTOMER = "ann@acme.test";

    private final Tickets tickets;
    private final TicketForms forms;
    private final Users users;
    private final Organizations organizations;
    private final String adminEmail;

    DemoPortalRequests(Tickets tickets, TicketForms forms, Users users, Organizations organizations,
                       @Value("${partnerdesk.admin.email:admin@partnerdesk.test}") String adminEmail) {
        this.tickets = tickets;
        this.forms = forms;
        this.users = users;
        this.organizations = organizations;
        this.adminEmail = adminEmail;
    }

    void create() {
        User admin = users.findByEmail(adminEmail).orElseThrow();
        Actor actor = new Actor(admin.id(), admin.email(), Role.ADMIN, admin.organizationId(), Set.of(Groups.SUPPORT_MANAGERS));
        Actor ann = person(CUSTOMER);
        // API-2: Acme's people read each other's requests, so "My organization" lists them for Ann and Arthur
        Organization acme = organizations.find(actor, java.util.Objects.requireNonNull(ann.organizationId()));
        OrganizationDetails shared = OrganizationDetails.of(acme);
        organizations.update(actor, acme.id(), new OrganizationDetails(shared.name(), shared.externalId(), shared.type(), shared.track(),
                shared.trackCompliant(), shared.parentCompany(), shared.notes(), shared.domainNames(), true, shared.specialProcess(),
                shared.chatWebhookUrl()));
        long support = forms.formNamed("Support").id();
        // TKT-2: requesters copy whom they like; the copied read the request under "CC'd"
        tickets.create(person("arthur@acme.test"), NewTicket.opening("Seats for the new data team",
                        "We need 12 more seats for the data team; Ann approves the budget.", support)
                .withPriority(TicketPriority.NORMAL).withFields(Map.of()).copying(List.of(CUSTOMER), List.of()));
        tickets.create(ann, NewTicket.opening("Renewal quote through ResellCo",
                        "Our renewal is due in March; Sam at ResellCo prepares the quote, so he is copied.", forms.formNamed("Licensing & Renewals").id())
                .withPriority(TicketPriority.LOW).withFields(Map.of()).copying(List.of(PARTNER), List.of()));
    }

    private Actor person(String email) {
        User user = users.findByEmail(email).orElseThrow();
        return new Actor(user.id(), user.email(), Role.END_USER, user.organizationId(), Set.of());
    }
}
