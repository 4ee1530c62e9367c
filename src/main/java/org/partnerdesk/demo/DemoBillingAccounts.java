package org.partnerdesk.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

import org.partnerdesk.api.Actor;
import org.partnerdesk.api.PageRequest;
import org.partnerdesk.api.Role;
import org.partnerdesk.directory.Groups;
import org.partnerdesk.directory.Organization;
import org.partnerdesk.directory.Organizations;
import org.partnerdesk.directory.User;
import org.partnerdesk.directory.Users;
import org.partnerdesk.partnerops.BillingAccount;
import org.partnerdesk.partnerops.BillingAccounts;
import org.partnerdesk.partnerops.CertificationKind;
import org.partnerdesk.partnerops.Certifications;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * #16: the operations console's billing accounts and certification register are not empty on a demo desk. After the demo
 * directory (DemoData), once: Sam of ResellCo asks for two billing accounts (PO-5), Bill of Billing Operations creates one
 * (it counts down to its activation), and Olga records Ally's Professional Services Engineer certification at Umbrella Cloud
 * (PO-3; Sam's Sales Core is docs/api.md's example). Through the facades, as people would.
 */
@Component
class DemoBillingAccounts {

    private final BillingAccounts accounts;
    private final Certifications certifications;
    private final Organizations organizations;
    private final Users users;
    private final Clock clock;
    private final boolean enabled;

    DemoBillingAccounts(BillingAccounts accounts, Certifications certifications, Organizations organizations, Users users, Clock clock,
                        Environment environment) {
        this.accounts = accounts;
        this.certifications = certifications;
        this.organizations = organizations;
        this.users = users;
        this.clock = clock;
        // SPEC 7, as DemoData: on by default in embedded mode (no external database), off otherwise
        this.enabled = environment.getProperty("partnerdesk.demo-data", Boolean.class, !environment.containsProperty("spring.datasource.url"));
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(21)
    void load() {
        if (!enabled) {
            return;
        }
        Optional<User> sam = users.findByEmail("sam@resellco.test");
        Optional<User> bill = users.findByEmail("bill.billing@partnerdesk.test");
        Optional<User> olga = users.findByEmail("olga.partnerops@partnerdesk.test");
        Optional<User> ally = users.findByEmail("ally@umbrella-cloud.test");
        if (sam.isEmpty() || bill.isEmpty() || olga.isEmpty() || ally.isEmpty() || sam.get().organizationId() == null
                || ally.get().organizationId() == null) {
            return; // not the demo directory
        }
        Actor asBill = new Actor(bill.get().id(), bill.get().email(), Role.AGENT, bill.get().organizationId(), Set.of(Groups.BILLING_OPERATIONS));
        if (!accounts.inStatus(asBill, null, new PageRequest(1, 0)).items().isEmpty()) {
            return; // loaded before, or the desk is in use
        }
        Organization resellCo = organizations.find(sam.get().organizationId()).orElseThrow();
        Actor asSam = new Actor(sam.get().id(), sam.get().email(), Role.END_USER, resellCo.id(), Set.of());
        BillingAccount gmbh = accounts.request(asSam, new BillingAccounts.Request(null, "ResellCo GmbH", "Ina Invoice",
                "ina.invoice@resellco.test", "ResellCo GmbH\nHauptstrasse 1\n10115 Berlin\nGermany"));
        accounts.request(asSam, new BillingAccounts.Request(null, "ResellCo Nordic AB", "Nils Nordic", "nils.nordic@resellco.test",
                "ResellCo Nordic AB\nDrottninggatan 5\n111 51 Stockholm\nSweden"));
        accounts.create(asBill, gmbh.id());
        Actor asOlga = new Actor(olga.get().id(), olga.get().email(), Role.AGENT, olga.get().organizationId(), Set.of(Groups.PARTNER_OPERATIONS));
        certifications.record(asOlga, new Certifications.Record(ally.get().organizationId(), ally.get().id(),
                CertificationKind.PROFESSIONAL_SERVICES_ENGINEER,
                LocalDate.now(clock).minusMonths(5), LocalDate.now(clock).plusMonths(19)));
    }
}
