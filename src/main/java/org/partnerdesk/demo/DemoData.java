package org.partnerdesk.demo;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.partnerdesk.api.Actor;
import org.partnerdesk.api.PageRequest;
import org.partnerdesk.api.Role;
import org.partnerdesk.directory.GroupMemberships;
import org.partnerdesk.directory.Groups;
import org.partnerdesk.directory.NfrLicenses;
import org.partnerdesk.directory.Organization;
import org.partnerdesk.directory.OrganizationDetails;
import org.partnerdesk.directory.OrganizationType;
import org.partnerdesk.directory.Organizations;
import org.partnerdesk.directory.PartnerTrack;
import org.partnerdesk.directory.Plan;
import org.partnerdesk.directory.SubscriptionTerms;
import org.partnerdesk.directory.Subscriptions;
import org.partnerdesk.directory.Term;
import org.partnerdesk.directory.User;
import org.partnerdesk.directory.UserDetails;
import org.partnerdesk.directory.Users;
import org.partnerdesk.identity.ApiTokens;
import org.partnerdesk.identity.Passwords;
import org.partnerdesk.partnerops.CertificationKind;
import org.partnerdesk.partnerops.Certifications;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The partner programme in miniature, loaded into an empty database: a premium and a free customer, an Open,
 * a Select and an Alliance partner with users, an NFR license, a certified Solution Architect at the Select partner, and staff in every group.
 * Every demo user, the admin too, gets an API token and a password once, with the data: printed at that start, kept in
 * {@link DemoCredentials}' file, and valid across restarts (later starts print where the file is).
 */
@Component
class DemoData {

    static final String TOKEN_DESCRIPTION = "demo token";
    private static final Logger log = LoggerFactory.getLogger(DemoData.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final List<String> DEMO_USERS = List.of(
            "dora.director@partnerdesk.test", "sue.support@partnerdesk.test", "max.manager@partnerdesk.test",
            "olga.partnerops@partnerdesk.test", "bill.billing@partnerdesk.test", "lena.licensing@partnerdesk.test",
            "carl.channel@partnerdesk.test", "pete.programs@partnerdesk.test", "sally.sales@partnerdesk.test",
            "ann@acme.test", "arthur@acme.test", "gina@globex.test", "sam@resellco.test", "pat@initech-partners.test",
            "ally@umbrella-cloud.test");

    static final String UMBRELLA_PROCESS = "Umbrella Cloud runs first-level support for its customers: ask Umbrella's support"
            + " team, never the customer, for logs and answers; quote their ticket id (ALLY-…) in every message; call their duty"
            + " engineer before solving a ticket with severity urgent or high.";

    private final Organizations organizations;
    private final Users users;
    private final Groups groups;
    private final GroupMemberships groupMemberships;
    private final Subscriptions subscriptions;
    private final NfrLicenses nfrLicenses;
    private final ApiTokens tokens;
    private final Passwords passwords;
    private final DemoCredentials credentials;
    private final Environment environment;
    private final Certifications certifications;
    private final DemoTickets tickets;
    private final Clock clock;
    private final boolean enabled;
    private final String adminEmail;

    DemoData(Organizations organizations, Users users, Groups groups, GroupMemberships groupMemberships,
             Subscriptions subscriptions, NfrLicenses nfrLicenses, ApiTokens tokens, Passwords passwords, Clock clock,
             Environment environment, @Value("${partnerdesk.admin.email:admin@partnerdesk.test}") String adminEmail,
             @Value("${partnerdesk.data-dir:./var}") Path dataDir, Certifications certifications, DemoTickets tickets) {
        this.certifications = certifications;
        this.tickets = tickets;
        this.organizations = organizations;
        this.users = users;
        this.groups = groups;
        this.groupMemberships = groupMemberships;
        this.subscriptions = subscriptions;
        this.nfrLicenses = nfrLicenses;
        this.tokens = tokens;
        this.passwords = passwords;
        this.credentials = new DemoCredentials(dataDir);
        this.environment = environment;
        this.clock = clock;
        this.adminEmail = adminEmail.strip();
        // SPEC 7: on by default in embedded mode (no external database), off otherwise
        this.enabled = environment.getProperty("partnerdesk.demo-data", Boolean.class,
                !environment.containsProperty("spring.datasource.url"));
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(20)
    void load() {
        if (!enabled || adminEmail.isEmpty()) {
            return;
        }
        User admin = users.findByEmail(adminEmail).orElseThrow();
        Actor actor = new Actor(admin.id(), admin.email(), Role.ADMIN, null, Set.of(Groups.SUPPORT_MANAGERS));
        if (organizations.page(actor, new PageRequest(1, 0)).items().isEmpty()) {
            create(actor, admin);
            tickets.create();
            log.info("Demo data loaded: 2 customers, 3 partners and the demo partner company, 9 staff, an NFR license, a certification,"
                    + " and tickets in every status");
            issueCredentials();
        } else if (!credentials.exist()) {
            // a desk loaded before the file existed (or the file was deleted): issue a set once more, so there is one to read
            issueCredentials();
        } else {
            log.info("\n Demo users' API tokens and passwords (unchanged since the demo data was loaded): {}\n{}", credentials.file(),
                    agentSignIn());
        }
    }

    private void create(Actor actor, User admin) {
        LocalDate today = LocalDate.now(clock);
        Term thisYear = new Term(today.minusMonths(6), today.plusMonths(6));

        Organization staff = organization(actor, "PartnerDesk Staff", OrganizationType.INTERNAL, null, "partnerdesk.test");
        users.update(actor, admin.id(), UserDetails.of(admin), new Users.Placement.In(staff.id()));
        join(actor, admin.id(), Groups.SUPPORT_MANAGERS);
        User director = staffMember(actor, staff, "Dora Director", "dora.director@partnerdesk.test", Groups.CHANNEL_DIRECTORS, null);
        staffMember(actor, staff, "Sue Support", "sue.support@partnerdesk.test", Groups.SUPPORT, null);
        staffMember(actor, staff, "Max Manager", "max.manager@partnerdesk.test", Groups.SUPPORT_MANAGERS, null);
        User olga = staffMember(actor, staff, "Olga Partner-Ops", "olga.partnerops@partnerdesk.test", Groups.PARTNER_OPERATIONS, null);
        staffMember(actor, staff, "Bill Billing", "bill.billing@partnerdesk.test", Groups.BILLING_OPERATIONS, null);
        staffMember(actor, staff, "Lena Licensing", "lena.licensing@partnerdesk.test", Groups.LICENSING, null);
        staffMember(actor, staff, "Carl Channel", "carl.channel@partnerdesk.test", Groups.CHANNEL_MANAGERS, director.id());
        staffMember(actor, staff, "Pete Programs", "pete.programs@partnerdesk.test", Groups.PROGRAMS_DIRECTORS, null);
        staffMember(actor, staff, "Sally Sales", "sally.sales@partnerdesk.test", Groups.SALES, null);

        Organization acme = organization(actor, "Acme Corp", OrganizationType.CUSTOMER, null, "acme.test");
        subscriptions.create(actor, new SubscriptionTerms(acme.id(), Plan.PREMIUM, 250, thisYear, null));
        contact(actor, acme, "Ann Acme", "ann@acme.test");
        contact(actor, acme, "Arthur Acme", "arthur@acme.test");

        Organization globex = organization(actor, "Globex", OrganizationType.CUSTOMER, null, "globex.test");
        subscriptions.create(actor, new SubscriptionTerms(globex.id(), Plan.FREE, 5, thisYear, null));
        contact(actor, globex, "Gina Globex", "gina@globex.test");

        Organization resellCo = organization(actor, "ResellCo", OrganizationType.PARTNER, PartnerTrack.OPEN, "resellco.test");
        subscriptions.create(actor, new SubscriptionTerms(resellCo.id(), Plan.STARTER, 10, thisYear, null));
        nfrLicenses.issue(actor, new NfrLicenses.Issue(resellCo.id(), null, 10, today.minusMonths(1), null));
        contact(actor, resellCo, "Sam Reseller", "sam@resellco.test");

        Organization initech = organization(actor, "Initech Partners", OrganizationType.PARTNER, PartnerTrack.SELECT, "initech-partners.test");
        User pat = contact(actor, initech, "Pat Select", "pat@initech-partners.test");
        // PO-3: a Solution Architect makes the Select partner eligible, so a demo NFR request from Pat comes out eligible
        Actor partnerOps = new Actor(olga.id(), olga.email(), Role.AGENT, staff.id(), Set.of(Groups.PARTNER_OPERATIONS));
        certifications.record(partnerOps, new Certifications.Record(initech.id(), pat.id(), CertificationKind.SOLUTION_ARCHITECT,
                today.minusMonths(3), null));

        // TKT-9 [004]: the alliance partner's special handling, pinned on every ticket it hands over
        Organization umbrella = organizations.create(actor, new OrganizationDetails("Umbrella Cloud", "DEMO-UMBRELLA-CLOUD",
                OrganizationType.PARTNER, PartnerTrack.ALLIANCE, true, null, "Demo data", List.of("umbrella-cloud.test"), false,
                UMBRELLA_PROCESS, null));
        contact(actor, umbrella, "Ally Alliance", "ally@umbrella-cloud.test");

        // PO-2 [003]: the demo partner company staff ask for a portal login in, to show partners' view (external id DEMO-PARTNERDESK-PS)
        organization(actor, "PartnerDesk PS", OrganizationType.PARTNER, PartnerTrack.OPEN, "ps.partnerdesk.test");
    }

    private Organization organization(Actor actor, String name, OrganizationType type, @Nullable PartnerTrack track, String domain) {
        return organizations.create(actor, new OrganizationDetails(name, "DEMO-" + name.toUpperCase().replace(' ', '-'),
                type, track, true, null, "Demo data", List.of(domain), false, null, null));
    }

    private User staffMember(Actor actor, Organization staff, String name, String email, String group, @Nullable Long managerId) {
        User user = users.create(actor, new UserDetails(name, email, Role.AGENT, null, managerId), staff.id());
        join(actor, user.id(), group);
        return user;
    }

    private User contact(Actor actor, Organization organization, String name, String email) {
        return users.create(actor, new UserDetails(name, email, Role.END_USER, null, null), organization.id());
    }

    private void join(Actor actor, long userId, String group) {
        groupMemberships.add(actor, userId, groups.idOf(group));
    }

    private void issueCredentials() {
        List<DemoCredentials.Credential> issued = new ArrayList<>();
        for (String email : demoUsers()) {
            users.findByEmail(email).ifPresent(user -> {
                tokens.revokeByDescription(user.id(), TOKEN_DESCRIPTION);
                String token = ApiTokens.newToken();
                tokens.store(user.id(), token, TOKEN_DESCRIPTION);
                String password = newPassword();
                passwords.set(user.id(), password);
                issued.add(new DemoCredentials.Credential(email, user.name(), token, password));
            });
        }
        String url = "http://localhost:" + environment.getProperty("local.server.port", "8080");
        credentials.write(issued, url);
        StringBuilder table = new StringBuilder("\n Demo users' API tokens (valid across restarts; shown at this start only):\n");
        issued.forEach(c -> table.append(String.format("   %-34s %s%n", c.email(), c.token())));
        table.append(" These tokens and each user's password are in ").append(credentials.file()).append(" (readable by its owner only).\n");
        table.append(agentSignIn());
        log.info(table.toString());
    }

    // issue #14: the sign-in the README gives for the agent console; the password stays in the owner-only file
    private String agentSignIn() {
        String url = "http://localhost:" + environment.getProperty("local.server.port", "8080");
        return " Agent console: " + url + "/sign-in as " + DemoTickets.AGENT + ", password: awk '$1 == \"" + DemoTickets.AGENT
                + "\" {print $3}' " + credentials.file() + "\n";
    }

    private List<String> demoUsers() {
        List<String> all = new ArrayList<>();
        all.add(adminEmail);
        all.addAll(DEMO_USERS);
        return all;
    }

    // 15 random characters from a 57-letter alphabet without look-alikes: about 87 bits, above the 12-character minimum
    private static String newPassword() {
        String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 15; i++) {
            password.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return password.toString();
    }
}
