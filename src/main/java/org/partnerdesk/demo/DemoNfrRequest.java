package org.partnerdesk.demo;

import java.util.Set;

import org.partnerdesk.api.Actor;
import org.partnerdesk.api.PageRequest;
import org.partnerdesk.api.Role;
import org.partnerdesk.directory.Plan;
import org.partnerdesk.directory.Users;
import org.partnerdesk.partnerops.NfrRequests;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * #15: the portal's "NFR licenses" page has a request to explain: Sam at the Open partner ResellCo, which has no certified
 * Solution Architect, asks for NFR users and is told the certification is missing and how to get it (PO-3).
 */
@Component
class DemoNfrRequest {

    static final String REQUESTER = "sam@resellco.test";
    private static final Logger log = LoggerFactory.getLogger(DemoNfrRequest.class);

    private final Users users;
    private final NfrRequests requests;
    private final boolean enabled;

    DemoNfrRequest(Users users, NfrRequests requests, Environment environment) {
        this.users = users;
        this.requests = requests;
        // as DemoData: on by default in embedded mode (no external database), off otherwise
        this.enabled = environment.getProperty("partnerdesk.demo-data", Boolean.class, !environment.containsProperty("spring.datasource.url"));
    }

    // after DemoData (20) made ResellCo and Sam; once only: a ResellCo that has asked already is left alone
    @EventListener(ApplicationReadyEvent.class)
    @Order(21)
    void load() {
        if (!enabled) {
            return;
        }
        users.findByEmail(REQUESTER).filter(sam -> sam.organizationId() != null).ifPresent(sam -> {
            Actor actor = new Actor(sam.id(), sam.email(), Role.END_USER, sam.organizationId(), Set.of());
            if (requests.page(actor, new PageRequest(1, 0), sam.organizationId()).items().isEmpty()) {
                requests.submit(actor, new NfrRequests.Ask(Plan.ULTIMATE, 5, "self_managed", "Demo environment for our sales team"));
                log.info("Demo data: {} asked for 5 NFR users; ResellCo has no certified Solution Architect yet (PO-3)", REQUESTER);
            }
        });
    }
}
