package org.partnerdesk.demo;

import java.util.Optional;
import java.util.Set;

import org.partnerdesk.api.Actor;
import org.partnerdesk.api.PageRequest;
import org.partnerdesk.api.Role;
import org.partnerdesk.directory.Groups;
import org.partnerdesk.directory.Organization;
import org.partnerdesk.directory.Organizations;
import org.partnerdesk.directory.Plan;
import org.partnerdesk.directory.User;
import org.partnerdesk.directory.Users;
import org.partnerdesk.partnerops.NfrExceptions;
import org.partnerdesk.partnerops.NfrRequest;
import org.partnerdesk.partnerops.NfrRequests;
import org.partnerdesk.partnerops.PartnerApplication;
import org.partnerdesk.partnerops.PortalAccess;
import org.partnerdesk.partnerops.SignUps;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The operations console's inboxes on a demo desk (#16): two partner applications in review (PO-1), a portal access
 * request (PO-2), an eligible NFR request for Licensing (PO-3) and an NFR exception awaiting both directors (PO-4).
 * After the demo directory is loaded, once: a desk that already holds a partner application is left as it is.
 * Everything goes through the facades, as the people's own requests would.
 */
@Component
class DemoOperations {

    private static final Logger log = LoggerFactory.getLogger(DemoOperations.class);

    private final SignUps signUps;
    private final PortalAccess access;
    private final NfrRequests nfrRequests;
    private final NfrExceptions nfrExceptions;
    private final Organizations organizations;
    private final Users users;
    private final boolean enabled;

    DemoOperations(SignUps signUps, PortalAccess access, NfrRequests nfrRequests, NfrExceptions nfrExceptions,
                   Organizations organizations, Users users, Environment environment) {
        this.signUps = signUps;
        this.access = access;
        this.nfrRequests = nfrRequests;
        this.nfrExceptions = nfrExceptions;
        this.organizations = organizations;
        this.users = users;
        // as DemoData: on by default in embedded mode (no external database), off otherwise
        this.enabled = environment.getProperty("partnerdesk.demo-data", Boolean.class, !environment.containsProperty("spring.datasource.url"));
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(21) // after DemoData (20), whose people and partners these requests come from
    void load() {
        Optional<User> olga = users.findByEmail("olga.partnerops@partnerdesk.test");
        if (!enabled || olga.isEmpty()) {
            return;
        }
        Actor partnerOps = staff(olga.get(), Groups.PARTNER_OPERATIONS);
        if (!signUps.page(partnerOps, Set.of(PartnerApplication.Status.values()), new PageRequest(1, 0)).items().isEmpty()) {
            return;
        }
        applications();
        accessRequest();
        nfr();
        log.info("Demo operations loaded: 2 partner applications in review, a portal access request, an NFR request awaiting"
                + " Licensing and an NFR exception awaiting both directors (sign in as olga.partnerops, lena.licensing,"
                + " pete.programs or dora.director and open /ops)");
    }

    // PO-1 [003]: neither applicant is a signatory who simply accepts, so Partner Operations review them
    private void applications() {
        apply("Northwind IT", "Nina Northwind", "nina@northwind-it.test", false, PartnerApplication.Agreement.QUESTIONS,
                "I'm the IT lead, not a signatory: our managing director signs. Can we resell in Austria too?");
        apply("Contoso Cloud Services", "Carlos Contoso", "carlos@contoso-cloud.test", true, PartnerApplication.Agreement.QUESTIONS,
                "Our legal team wants to redline the liability clause (section 9).");
    }

    private void apply(String company, String name, String email, boolean signatory, PartnerApplication.Agreement agreement,
                       String questions) {
        User applicant = users.provisionEndUser(email, name);
        signUps.apply(new SignUps.Application(company, null, name, email, signatory, agreement, questions), Optional.of(person(applicant)));
    }

    // PO-2 [003]: a ResellCo colleague, known from the CRM but without a sign-in, asks for the portal
    private void accessRequest() {
        Organization resellCo = partner("DEMO-RESELLCO");
        User rita = users.provisionEndUser("rita@resellco.test", "Rita Reseller");
        User admin = users.findByEmail("max.manager@partnerdesk.test").orElseThrow();
        users.join(staff(admin, Groups.SUPPORT_MANAGERS), rita.id(), resellCo.id());
        access.request(Optional.of(person(users.find(rita.id()).orElseThrow())), new PortalAccess.Ask(resellCo.id(), rita.name(), rita.email()));
    }

    // PO-3: Pat's Select partner is certified, so the request awaits Licensing; PO-4: ResellCo's is not, so Carl asks for an exception
    private void nfr() {
        nfrRequests.submit(person(users.findByEmail("pat@initech-partners.test").orElseThrow()),
                new NfrRequests.Ask(Plan.ULTIMATE, 5, "self_managed", "A lab for our two new Solution Architects."));
        NfrRequest resellCos = nfrRequests.submit(person(users.findByEmail("sam@resellco.test").orElseThrow()),
                new NfrRequests.Ask(Plan.ULTIMATE, 25, "saas", "Demo tenants for our sales team's roadshow."));
        User carl = users.findByEmail("carl.channel@partnerdesk.test").orElseThrow();
        nfrExceptions.request(staff(carl, Groups.CHANNEL_MANAGERS), new NfrExceptions.Ask(resellCos.id(), 25,
                "ResellCo runs a 10-city roadshow next quarter; its certification exam is booked for next month."));
    }

    private Organization partner(String externalId) {
        User admin = users.findByEmail("max.manager@partnerdesk.test").orElseThrow();
        return organizations.withExternalId(staff(admin, Groups.SUPPORT_MANAGERS), externalId).getFirst();
    }

    private static Actor staff(User user, String group) {
        return new Actor(user.id(), user.email(), Role.AGENT, user.organizationId(), Set.of(group));
    }

    private static Actor person(User user) {
        return new Actor(user.id(), user.email(), Role.END_USER, user.organizationId(), Set.of());
    }
}
