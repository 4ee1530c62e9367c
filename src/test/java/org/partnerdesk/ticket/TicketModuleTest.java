package org.partnerdesk.ticket;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.partnerdesk.ModuleTest;
import org.partnerdesk.api.Actor;
import org.partnerdesk.api.PageRequest;
import org.partnerdesk.api.Role;
import org.partnerdesk.directory.User;
import org.partnerdesk.directory.UserDetails;
import org.partnerdesk.directory.Users;
import org.partnerdesk.sla.SlaBreached;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue #13: the ticket module with what it calls (directory, entitlement, sla, api), without the modules that react to
 * it: intake publishes {@link TicketCreated}, and a {@link SlaBreached} from the SLA module lands in the ticket's audits.
 */
@ApplicationModuleTest(mode = BootstrapMode.DIRECT_DEPENDENCIES, extraIncludes = "api")
class TicketModuleTest extends ModuleTest {

    private static final long SUPPORT_FORM = 426148L;

    // FILE-1: the attachment module implements this hook of the ticket module; no upload is claimed here
    @MockitoBean
    CommentUploads uploads;

    @Autowired
    Tickets tickets;

    @Autowired
    Users users;

    @Test
    void openingATicketPublishesTicketCreated(Scenario scenario) {
        User requester = anEndUser();

        scenario.stimulate(() -> tickets.create(actor(requester), aSupportRequest("The export stalls at 99 %")))
                .andWaitForEventOfType(TicketCreated.class)
                .matching(created -> created.submitterId() == requester.id())
                .toArriveAndVerify((created, ticket) -> {
                    assertThat(created.ticketId()).isEqualTo(ticket.id());
                    assertThat(created.requesterId()).isEqualTo(requester.id());
                    assertThat(created.formId()).isEqualTo(SUPPORT_FORM);
                });
    }

    @Test
    void aBreachAnnouncedByTheSlaModuleIsAuditedOnTheTicket(Scenario scenario) {
        User requester = anEndUser();
        Ticket ticket = tickets.create(actor(requester), aSupportRequest("Runners time out"));

        // TKT-4: the audit names the metric that ran out
        scenario.publish(new SlaBreached(ticket.id(), "first_reply_time", Instant.parse("2026-03-02T10:00:00Z")))
                .andWaitForStateChange(() -> breachAudits(ticket.id()), audits -> !audits.isEmpty())
                .andVerify(audits -> assertThat(audits).singleElement()
                        .satisfies(event -> assertThat(event.value()).isEqualTo("breached")));
    }

    private List<Audit.Event> breachAudits(long ticketId) {
        Actor desk = new Actor(0, "module-test@partnerdesk.test", Role.ADMIN, null, Set.of());
        return tickets.audits(desk, ticketId, new PageRequest(100, 0)).items().stream()
                .flatMap(audit -> audit.events().stream())
                .filter(event -> event.fieldName().equals("sla.first_reply_time"))
                .toList();
    }

    private User anEndUser() {
        String email = "requester-" + System.nanoTime() + "@people.test";
        return users.provision(new UserDetails("Robin Requester", email, Role.END_USER, null, null), null);
    }

    private static Actor actor(User user) {
        return new Actor(user.id(), user.email(), user.role(), user.organizationId(), Set.of());
    }

    // the one place this test builds a NewTicket: a public opening on the Support form, nothing else set
    private static NewTicket aSupportRequest(String subject) {
        return NewTicket.opening(subject, "What I did, what I expected, what happened.", SUPPORT_FORM);
    }
}
