package org.partnerdesk.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.partnerdesk.api.Actor;
import org.partnerdesk.api.Role;
import org.partnerdesk.directory.Groups;
import org.partnerdesk.directory.User;
import org.partnerdesk.directory.Users;
import org.partnerdesk.sla.Slas;
import org.partnerdesk.ticket.NewTicket;
import org.partnerdesk.ticket.Ticket;
import org.partnerdesk.ticket.TicketChange;
import org.partnerdesk.ticket.TicketForms;
import org.partnerdesk.ticket.TicketPriority;
import org.partnerdesk.ticket.TicketStatus;
import org.partnerdesk.ticket.Tickets;
import org.springframework.stereotype.Component;

/**
 * Tickets that give the agent console something to show (issue #14): about forty across the demo organizations, in every
 * status of TKT-1, with public replies and internal notes, some SLA clocks breached (TKT-4), one needs_org (ENT-7), an
 * alliance handover under a special process (ENT-6, TKT-9), a STAR once its ticket is old enough (TKT-7), and the partner
 * forms of each track. Everything goes through the facades, as a person's requests would, so every rule still applies.
 */
@Component
class DemoTickets {

    /** The demo agent: the person the README tells to sign in to the agent console. */
    static final String AGENT = "sue.support@partnerdesk.test";

    private final Tickets tickets;
    private final TicketForms forms;
    private final Users users;
    private final Groups groups;
    private final Slas slas;
    private final DemoStar star;
    private final DemoPortalRequests portal;
    private final Clock clock;

    DemoTickets(Tickets tickets, TicketForms forms, Users users, Groups groups, Slas slas, DemoStar star, DemoPortalRequests portal,
                Clock clock) {
        this.portal = portal;
        this.tickets = tickets;
        this.forms = forms;
        this.users = users;
        this.groups = groups;
        this.slas = slas;
        this.star = star;
        this.clock = clock;
    }

    /** The people of the demo directory, as the desk would see them signed in. */
    private record Cast(Actor sue, Actor max, Actor ann, Actor arthur, Actor gina, Actor sam, Actor pat, Actor ally, long support) {
    }

    void create() {
        Cast cast = new Cast(staff(AGENT, Groups.SUPPORT), staff("max.manager@partnerdesk.test", Groups.SUPPORT_MANAGERS),
                person("ann@acme.test"), person("arthur@acme.test"), person("gina@globex.test"), person("sam@resellco.test"),
                person("pat@initech-partners.test"), person("ally@umbrella-cloud.test"), groups.idOf(Groups.SUPPORT));
        customers(cast);
        openPartner(cast);
        selectPartner(cast);
        alliancePartner(cast);
        portal.create(); // issue #15: something in every portal list of the demo partner and customer
        // TKT-4: the clocks started hours ago above are past due now; the breach scan's facade marks them at once
        slas.markBreaches(clock.instant());
    }

    private void customers(Cast c) {
        long support = form("Support");
        // TKT-7: Carl Channel stars this one once it is old enough (30 minutes), so the STAR view has a ticket
        Ticket down = open(c.ann, support, "Production instance down after upgrade to 17.3",
                "Since the upgrade last night every page answers 502. We have 250 users blocked.", TicketPriority.URGENT, Map.of());
        note(c.sue, down, "Gitaly nodes fail their health check after the upgrade; asked infrastructure to look at the logs.");
        reply(c.sue, down, "We are on it: the storage service does not start after the upgrade. Could you send the output of the"
                + " health check in the meantime?", TicketStatus.OPEN, c.sue);
        star.raiseLater(down);

        breached(c, c.ann, support, "Runners lose their jobs every hour", "About every hour all runners drop the jobs they run.",
                Duration.ofHours(6), "They dropped again at 09:00 and 10:00. This blocks every release; any news?");
        breached(c, c.arthur, support, "SSO sign-in loops back to the login page", "After the IdP certificate rotation nobody"
                + " can sign in with SAML.", Duration.ofHours(9), "Still looping here, our whole team is locked out.");
        breached(c, c.ann, support, "Backups fail with 'disk quota exceeded'", "The nightly backup fails since Monday.",
                Duration.ofHours(28), "The backup failed again tonight. We need a working backup before the weekend.");

        Ticket fresh = open(c.arthur, support, "Cannot invite new users to a group", "The invite button is greyed out.",
                TicketPriority.HIGH, Map.of());
        note(c.sue, fresh, "Seat count is 250 of 250: probably the license limit, checking the subscription.");
        open(c.ann, support, "API rate limit lower than documented", "We hit 429 after 300 requests a minute.",
                TicketPriority.NORMAL, Map.of());
        open(c.arthur, support, "Question about the maintenance window", "Will the instance be read-only during the"
                + " maintenance on Saturday?", TicketPriority.LOW, Map.of());
        open(c.gina, support, "Webhooks arrive twice", "Every push event reaches our endpoint twice.", TicketPriority.NORMAL, Map.of());

        Ticket mergeRequests = open(c.ann, support, "Merge requests take minutes to load", "Large merge requests time out.",
                TicketPriority.HIGH, Map.of());
        reply(c.sue, mergeRequests, "Thank you. Which merge request is it? A link helps us reproduce it.", TicketStatus.OPEN, c.sue);
        comment(c.ann, mergeRequests, "It is !4821 in the platform project; the diff has 3,000 files.");
        Ticket email = open(c.arthur, support, "Notification e-mails go to spam", "Our users find every notification in spam.",
                TicketPriority.NORMAL, Map.of());
        reply(c.max, email, "Please check that your mail server accepts our DKIM signature; we sent the details by e-mail.",
                TicketStatus.OPEN, null);
        Ticket gina = open(c.gina, support, "How do I export all issues?", "We want to move our issues to a spreadsheet.",
                TicketPriority.LOW, Map.of());
        reply(c.sue, gina, "Issues > Export as CSV exports the list as you filter it; the file arrives by e-mail.", TicketStatus.OPEN,
                null);

        Ticket logs = open(c.ann, support, "Search returns no results for new projects", "Projects created this week are not"
                + " found by search.", TicketPriority.NORMAL, Map.of());
        reply(c.sue, logs, "Could you send the output of the index status check? We will look again once we have it.",
                TicketStatus.PENDING, c.sue);
        Ticket licence = open(c.arthur, form("Licensing & Renewals"), "Add 25 seats to our subscription",
                "We are hiring and need 25 more seats from next month.", TicketPriority.NORMAL, Map.of());
        reply(c.sue, licence, "Sales will send the quote; please confirm the start date when you have it.", TicketStatus.PENDING, null);
        Ticket pages = open(c.gina, support, "Pages site shows 404 after renaming the project", "The old URL is gone.",
                TicketPriority.LOW, Map.of());
        reply(c.max, pages, "Renaming changes the site's address; does the new address work for you?", TicketStatus.PENDING, c.max);

        Ticket upgrade = open(c.ann, support, "Upgrade path from 15.11 to 17.3", "Which stops do we need on the way?",
                TicketPriority.NORMAL, Map.of());
        note(c.sue, upgrade, "Engineering is writing the upgrade guide for this jump; on hold until it is published.");
        reply(c.sue, upgrade, "We are confirming the required stops with engineering and will come back to you.",
                TicketStatus.HOLD, c.sue);
        Ticket registry = open(c.arthur, support, "Container registry cleanup policy ignored", "Old tags are never deleted.",
                TicketPriority.HIGH, Map.of());
        note(c.max, registry, "Known issue, fix planned for the next patch release.");
        reply(c.max, registry, "This is a known problem; the fix is in the next patch release. We keep the ticket on hold until then.",
                TicketStatus.HOLD, null);

        Ticket password = open(c.ann, support, "Reset two-factor authentication for a user", "A colleague lost her phone.",
                TicketPriority.NORMAL, Map.of());
        reply(c.sue, password, "Done: she can sign in with her password and set up two-factor authentication again.",
                TicketStatus.SOLVED, c.sue);
        Ticket gitlabCi = open(c.gina, support, "Pipeline badge shows the wrong branch", "The badge in our README shows main.",
                TicketPriority.LOW, Map.of());
        reply(c.sue, gitlabCi, "Add ?ref=your-branch to the badge URL to pick the branch.", TicketStatus.SOLVED, null);
        Ticket invoice = open(c.arthur, support, "Invoice address change", "Our company moved to a new address.",
                TicketPriority.LOW, Map.of());
        reply(c.max, invoice, "Billing updated the address; the next invoice goes to the new one.", TicketStatus.SOLVED, c.max);

        Ticket old = open(c.ann, support, "Dark mode colours in the editor", "The editor ignores dark mode.", TicketPriority.LOW,
                Map.of());
        close(c.sue, old, "Fixed in 17.2: the editor follows the theme now.", c.sue);
        Ticket token = open(c.gina, support, "Personal access token expired", "Our scripts stopped working.", TicketPriority.NORMAL,
                Map.of());
        close(c.max, token, "Tokens now expire after a year; create a new one under your profile's access tokens.", null);
        routine(c, support);
    }

    // the everyday rest of a queue: short questions in each status, some of them the demo agent's
    private void routine(Cast c, long support) {
        Ticket wiki = open(c.arthur, support, "Wiki pages lose their images", "Images pasted into wiki pages disappear.",
                TicketPriority.NORMAL, Map.of());
        reply(c.sue, wiki, "Do the images show when you open the page in a private window?", TicketStatus.OPEN, c.sue);
        Ticket runner = open(c.ann, support, "Runner registration token rejected", "Registering a runner answers 403.",
                TicketPriority.NORMAL, Map.of());
        reply(c.sue, runner, "Registration tokens were replaced by authentication tokens; which runner version do you use?",
                TicketStatus.PENDING, c.sue);
        Ticket quota = open(c.gina, support, "Storage quota reached", "We cannot push anymore.", TicketPriority.NORMAL, Map.of());
        reply(c.max, quota, "Free namespaces have 10 GiB; could you tell us which project holds the large files?",
                TicketStatus.PENDING, null);
        Ticket audit = open(c.arthur, support, "Audit events export for our auditors", "Our auditors need a year of audit events.",
                TicketPriority.LOW, Map.of());
        note(c.max, audit, "Export over a year needs engineering to run it; asked them.");
        reply(c.max, audit, "Engineering prepares the export; we will share it as soon as it is ready.", TicketStatus.HOLD, null);
        Ticket mirror = open(c.ann, support, "Pull mirror stopped updating", "The mirror shows last update 3 days ago.",
                TicketPriority.NORMAL, Map.of());
        reply(c.sue, mirror, "The source's password had changed; updating the mirror's credentials fixes it.", TicketStatus.SOLVED,
                c.sue);
        Ticket labels = open(c.gina, support, "Can labels be shared between groups?", "We want the same labels in two groups.",
                TicketPriority.LOW, Map.of());
        reply(c.sue, labels, "Create them in the parent group: every subgroup and project inherits them.", TicketStatus.SOLVED, null);
        Ticket ssh = open(c.arthur, support, "SSH key rejected after upgrade", "ssh-rsa keys stopped working.", TicketPriority.HIGH,
                Map.of());
        close(c.sue, ssh, "RSA keys need SHA-2 signatures now; an ed25519 key works everywhere.", c.sue);
    }

    private void openPartner(Cast c) {
        long openForm = form("Open Partner");
        // ENT-1: ResellCo asks for its customer Acme, so the ticket is served under Acme's Premium subscription
        Ticket forAcme = open(c.sam, openForm, "Customer Acme: merge trains stuck", "Acme's merge trains stop after the first"
                + " merge request.", TicketPriority.HIGH, Map.of(field(TicketForms.ORGANIZATION_EMAIL), "ann@acme.test",
                field(TicketForms.PARTNER_ENGAGEMENT), "on_behalf_of_customer"));
        note(c.sue, forAcme, "Served under Acme's Premium subscription (ENT-1); replies go to Ann, Sam is the submitter.");
        reply(c.sue, forAcme, "We reproduced it and are testing a workaround.", TicketStatus.OPEN, c.sue);

        // ENT-7: nobody is known at hooli.test, so the ticket waits for an agent to find its organization
        Ticket unknown = open(c.sam, openForm, "New customer cannot activate their license", "Hooli bought through us last week.",
                TicketPriority.NORMAL, Map.of(field(TicketForms.ORGANIZATION_EMAIL), "it@hooli.test",
                field(TicketForms.PARTNER_ENGAGEMENT), "on_behalf_of_customer"));
        note(c.max, unknown, "it@hooli.test is not in the directory: check the CRM before correcting the requester (ENT-8).");

        // ENT-2: a services engagement with the partner copied
        Map<Long, Object> services = new LinkedHashMap<>();
        services.put(field(TicketForms.ORGANIZATION_EMAIL), "arthur@acme.test");
        services.put(field(TicketForms.PARTNER_ENGAGEMENT), "services_engagement");
        services.put(field(TicketForms.CC_PARTNER), Boolean.TRUE);
        Ticket migration = open(c.sam, openForm, "Migration of Acme's repositories from Bitbucket", "We run the migration for Acme"
                + " and 12 of 300 repositories fail to import.", TicketPriority.NORMAL, services);
        reply(c.sue, migration, "Those 12 have LFS objects over the limit; raise it for the import and try again.",
                TicketStatus.PENDING, c.sue);

        // ENT-4: ResellCo's own instance, under the subscription it bought for itself
        Ticket own = open(c.sam, openForm, "Our own instance: slow CI", "ResellCo's own pipelines queue for minutes.",
                TicketPriority.LOW, Map.of(field(TicketForms.PARTNER_ENGAGEMENT), "partner_commercial_work"));
        reply(c.max, own, "Your runners were at their concurrency limit; we raised it. Solved on our side.", TicketStatus.SOLVED, null);

        // ENT-5: training on the NFR license
        open(c.sam, openForm, "Demo environment for a training", "We prepare a training on our NFR license and need a second"
                + " runner.", TicketPriority.LOW, Map.of(field(TicketForms.PARTNER_ENGAGEMENT), "partner_internal_training"));
    }

    private void selectPartner(Cast c) {
        long selectForm = form("Select Partner");
        // ENT-3: Initech manages the ticket for its customer and gets Priority support whatever the customer holds
        Ticket goBetween = open(c.pat, selectForm, "Globex: Geo replication lagging", "Globex's secondary site lags by hours.",
                TicketPriority.HIGH, Map.of(field(TicketForms.CUSTOMER_NAME), "Globex"));
        note(c.sue, goBetween, "Priority support through the Select programme (ENT-3); Pat manages the ticket for Globex.");
        reply(c.sue, goBetween, "The replication queue is blocked by one large repository; we are clearing it.", TicketStatus.OPEN,
                c.sue);
        Ticket second = open(c.pat, selectForm, "Initrode: upgrade fails at database migration", "The 17.1 migration stops"
                + " with a lock timeout.", TicketPriority.URGENT, Map.of(field(TicketForms.CUSTOMER_NAME), "Initrode"));
        reply(c.max, second, "Stop the background jobs and run the migration again; it needs the lock alone.", TicketStatus.HOLD,
                c.max);
        Ticket closed = open(c.pat, selectForm, "Massive Dynamic: LDAP sync misses groups", "Nested groups are not synced.",
                TicketPriority.NORMAL, Map.of(field(TicketForms.CUSTOMER_NAME), "Massive Dynamic"));
        close(c.sue, closed, "Nested groups sync once 'Sync nested groups' is on in the LDAP settings.", c.sue);
        open(c.pat, selectForm, "Initrode: runners cannot pull images", "Pulls fail with 'unauthorized'.", TicketPriority.NORMAL,
                Map.of(field(TicketForms.CUSTOMER_NAME), "Initrode"));
    }

    private void alliancePartner(Cast c) {
        long allianceForm = form("Alliance Partner");
        // ENT-6, TKT-9: Umbrella Cloud triaged it and hands it over; its special process is pinned as an internal note
        Ticket handover = open(c.ally, allianceForm, "Pipeline fails on shared runners", "Copied from our system: the"
                + " customer's pipelines fail on our shared runners since Tuesday. First-level checks done, logs attached.",
                TicketPriority.HIGH, Map.of(field(TicketForms.CUSTOMER_NAME), "Umbrella Corp",
                field(TicketForms.ALLIANCE_TICKET_ID), "ALLY-991"), List.of("it@umbrella-corp.test"));
        note(c.sue, handover, "Handover from Umbrella Cloud (L2/L3). Following their special process: questions go to their"
                + " support team, not to the customer.");
        reply(c.sue, handover, "Thank you for the handover and the logs; we are checking the runner images.", TicketStatus.OPEN, c.sue);
        Ticket second = open(c.ally, allianceForm, "Container scanning reports no results", "The scanner job passes but the"
                + " report is empty.", TicketPriority.NORMAL, Map.of(field(TicketForms.CUSTOMER_NAME), "Umbrella Corp",
                field(TicketForms.ALLIANCE_TICKET_ID), "ALLY-1004"), List.of("it@umbrella-corp.test"));
        reply(c.max, second, "Fixed by the analyzer update we released today; please ask the customer to run it again.",
                TicketStatus.SOLVED, null);
        open(c.ally, allianceForm, "Customer cannot reach the status page", "Forwarded from our first level.", TicketPriority.LOW,
                Map.of(field(TicketForms.CUSTOMER_NAME), "Umbrella Corp", field(TicketForms.ALLIANCE_TICKET_ID), "ALLY-1010"));
    }

    /**
     * TKT-4: a ticket whose customer wrote back {@code ago} and still waits: the agent's first reply was given, then the
     * next-reply clock started when the customer answered, through the SLA facade with that past time (demo only).
     */
    private void breached(Cast c, Actor requester, long formId, String subject, String body, Duration ago, String followUp) {
        Ticket ticket = open(requester, formId, subject, body, TicketPriority.URGENT, Map.of());
        reply(c.sue, ticket, "Thank you, we are looking into it now.", TicketStatus.OPEN, c.sue);
        slas.requesterReplied(ticket.id(), clock.instant().minus(ago));
        comment(requester, ticket, followUp);
    }

    private Ticket open(Actor requester, long formId, String subject, String body, TicketPriority priority, Map<Long, Object> fields) {
        return open(requester, formId, subject, body, priority, fields, List.of());
    }

    private Ticket open(Actor requester, long formId, String subject, String body, TicketPriority priority, Map<Long, Object> fields,
                        List<String> ccEmails) {
        return tickets.create(requester, NewTicket.opening(subject, body, formId).withPriority(priority).withFields(fields)
                .copying(ccEmails, List.of()));
    }

    private void note(Actor agent, Ticket ticket, String body) {
        tickets.update(agent, ticket.id(), TicketChange.internalNote(body));
    }

    private void comment(Actor requester, Ticket ticket, String body) {
        tickets.update(requester, ticket.id(), TicketChange.reply(body));
    }

    // an agent's public reply that moves the ticket, taking it for its group (and for someone, or leaving it unassigned)
    private void reply(Actor agent, Ticket ticket, String body, TicketStatus status, @Nullable Actor assignee) {
        tickets.update(agent, ticket.id(), TicketChange.reply(body).settingStatus(status)
                .settingGroup(groups.idOf(Groups.SUPPORT)).assigningTo(assignee == null ? null : assignee.userId()));
    }

    // TKT-1: a ticket is solved before it is closed
    private void close(Actor agent, Ticket ticket, String body, @Nullable Actor assignee) {
        reply(agent, ticket, body, TicketStatus.SOLVED, assignee);
        tickets.update(agent, ticket.id(), TicketChange.fields().settingStatus(TicketStatus.CLOSED));
    }

    private long form(String name) {
        return forms.formNamed(name).id();
    }

    private long field(String title) {
        return forms.fieldId(title);
    }

    private Actor staff(String email, String group) {
        User user = users.findByEmail(email).orElseThrow();
        return new Actor(user.id(), user.email(), Role.AGENT, user.organizationId(), Set.of(group));
    }

    private Actor person(String email) {
        User user = users.findByEmail(email).orElseThrow();
        return new Actor(user.id(), user.email(), Role.END_USER, user.organizationId(), Set.of());
    }

    static Instant starDue(Instant createdAt, Duration minimumAge) {
        return createdAt.plus(minimumAge).plusSeconds(60);
    }
}
