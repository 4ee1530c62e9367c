package org.partnerdesk.notification;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.partnerdesk.ModuleTest;
import org.partnerdesk.api.Actor;
import org.partnerdesk.api.PageRequest;
import org.partnerdesk.api.Role;
import org.partnerdesk.directory.Groups;
import org.partnerdesk.directory.User;
import org.partnerdesk.directory.Users;
import org.partnerdesk.partnerops.NfrEligibility;
import org.partnerdesk.partnerops.NfrLicenseIssued;
import org.partnerdesk.partnerops.NfrRequestSubmitted;
import org.partnerdesk.partnerops.PortalAccess;
import org.partnerdesk.sla.SlaBreached;
import org.partnerdesk.ticket.PublicReplyAdded;
import org.partnerdesk.ticket.Ticket;
import org.partnerdesk.ticket.Tickets;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * NTF-1, issue #13: the notification module alone, the events of the ticket, SLA and partner-operations modules published
 * as those modules would (through the outbox), the people they name stood in for by the directory's facade. With no mail
 * server set, every mail is kept (issue #12), so the test reads what went out where an admin would: the outgoing mails.
 */
@ApplicationModuleTest(extraIncludes = "api")
class NotificationModuleTest extends ModuleTest {

    private static final AtomicLong IDS = new AtomicLong(System.nanoTime() % 1_000_000_000L);
    private static final Actor ADMIN = new Actor(1, "module-test@partnerdesk.test", Role.ADMIN, null, Set.of());

    @MockitoBean
    Users users;

    @MockitoBean
    Groups groups;

    @MockitoBean
    Tickets tickets;

    // issue #17 item 5: reply mail asks whether its ticket was deleted since (no, by default)
    @MockitoBean
    org.partnerdesk.ticket.TicketDeletions deletions;

    // issue #17: the webhooks read what a ticket write changed there; no webhook is set up here
    @MockitoBean
    org.partnerdesk.ticket.TicketChanges ticketChanges;

    // PO-1/PO-2 invitations mint their token there; no invitation is sent here
    @MockitoBean
    PortalAccess portalAccess;

    // UI-1 password reset links are minted there; none is sent here
    @MockitoBean
    org.partnerdesk.identity.PasswordResets passwordResets;

    @Autowired
    OutgoingMails outgoing;

    @Test
    void aPublicReplyIsMailedToTheRequesterAndCopiedToTheCcsButNotToItsAuthor(Scenario scenario) {
        User requester = aUser("requester");
        User cc = aUser("cc");
        User agent = aUser("agent");
        long ticketId = IDS.incrementAndGet();

        scenario.publish(new PublicReplyAdded(ticketId, "Export stalls at 99 %", agent.id(), "Please retry with the new runner.",
                        requester.id(), List.of(cc.id(), agent.id()), null, UUID.randomUUID()))
                .andWaitForStateChange(() -> mailsWithSubjectContaining("[PartnerDesk #" + ticketId + "]"), mails -> !mails.isEmpty())
                .andVerify(mails -> assertThat(mails).singleElement().satisfies(mail -> {
                    assertThat(mail.to()).containsExactly(requester.email());
                    assertThat(mail.cc()).containsExactly(cc.email());
                    assertThat(mail.subject()).isEqualTo("[PartnerDesk #" + ticketId + "] Export stalls at 99 %");
                    assertThat(mail.body()).startsWith("Please retry with the new runner.");
                }));
    }

    @Test
    void aBreachIsMailedToTheTicketsAssignee(Scenario scenario) {
        User assignee = aUser("assignee");
        long ticketId = IDS.incrementAndGet();
        Ticket ticket = aTicket(ticketId, "Runners time out", assignee.id());
        when(tickets.find(ticketId)).thenReturn(Optional.of(ticket));

        scenario.publish(new SlaBreached(ticketId, "first_reply_time", Instant.parse("2026-03-02T10:00:00.123Z")))
                .andWaitForStateChange(() -> mailsWithSubjectContaining("[PartnerDesk #" + ticketId + "] SLA breached"), mails -> !mails.isEmpty())
                .andVerify(mails -> assertThat(mails).singleElement().satisfies(mail -> {
                    assertThat(mail.to()).containsExactly(assignee.email());
                    assertThat(mail.subject()).isEqualTo("[PartnerDesk #" + ticketId + "] SLA breached: first reply time was due 2026-03-02T10:00:00Z");
                    assertThat(mail.body()).contains("You are the ticket's assignee.");
                }));
    }

    @Test
    void theSubmitterOfAnIneligibleNfrRequestIsToldWhatIsMissingAndHowToMeetIt(Scenario scenario) {
        User submitter = aUser("partner");
        long requestId = IDS.incrementAndGet();
        NfrEligibility.Requirement certifications = new NfrEligibility.Requirement("certifications", false,
                "ResellCo has 0 of 2 certified sales people", "Certify two sales people in the partner portal");

        scenario.publish(new NfrRequestSubmitted(requestId, submitter.id(), "ResellCo", false, "ultimate", 5, "self_managed",
                        List.of(certifications)))
                .andWaitForStateChange(() -> mailsWithSubjectContaining("NFR request #" + requestId + ":"), mails -> !mails.isEmpty())
                .andVerify(mails -> assertThat(mails).singleElement().satisfies(mail -> {
                    assertThat(mail.to()).containsExactly(submitter.email());
                    assertThat(mail.subject()).isEqualTo("[PartnerDesk] NFR request #" + requestId + ": not eligible yet");
                    assertThat(mail.body()).contains("- ResellCo has 0 of 2 certified sales people.",
                            "How to meet it: Certify two sales people in the partner portal");
                }));
    }

    @Test
    void anIssuedNfrLicenseIsMailedToThePeopleItNames(Scenario scenario) {
        User submitter = aUser("partner");
        long licenseId = IDS.incrementAndGet();

        scenario.publish(new NfrLicenseIssued("request", 3L, null, licenseId, "ResellCo", "ultimate", 5,
                        LocalDate.parse("2026-03-01"), LocalDate.parse("2027-02-28"), List.of(submitter.id())))
                .andWaitForStateChange(() -> mailsWithSubjectContaining("NFR license #" + licenseId + " "), mails -> !mails.isEmpty())
                .andVerify(mails -> assertThat(mails).singleElement().satisfies(mail -> {
                    assertThat(mail.to()).containsExactly(submitter.email());
                    assertThat(mail.subject()).isEqualTo("[PartnerDesk] NFR license #" + licenseId + " for ResellCo");
                    assertThat(mail.body()).contains("5 users on ultimate, from 2026-03-01 to 2027-02-28");
                }));
    }

    private List<KeptMail> mailsWithSubjectContaining(String text) {
        return outgoing.page(ADMIN, new PageRequest(PageRequest.MAX_SIZE, 0)).items().stream()
                .filter(mail -> mail.subject().contains(text))
                .toList();
    }

    private final Map<Long, User> known = new HashMap<>();

    private User aUser(String word) {
        long id = IDS.incrementAndGet();
        Instant created = Instant.parse("2026-01-05T09:00:00Z");
        User user = new User(id, word + " " + id, word + "-" + id + "@people.test", Role.END_USER, null, null, null, true, null,
                created, created);
        when(users.find(id)).thenReturn(Optional.of(user));
        known.put(id, user);
        // the reply mail reads the requester and the CCs in one call (issue #19)
        when(users.findAll(anyCollection())).thenAnswer(call -> call.<Collection<Long>>getArgument(0).stream()
                .map(known::get).filter(Objects::nonNull).toList());
        return user;
    }

    // the ticket as BreachMail reads it; mocked rather than built, so the aggregate's shape (issue #13) stays its own
    private static Ticket aTicket(long id, String subject, long assigneeId) {
        Ticket ticket = mock(Ticket.class);
        when(ticket.id()).thenReturn(id);
        when(ticket.subject()).thenReturn(subject);
        when(ticket.assigneeId()).thenReturn(assigneeId);
        return ticket;
    }
}
