package org.partnerdesk.escalation;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.partnerdesk.ModuleTest;
import org.partnerdesk.directory.Groups;
import org.partnerdesk.directory.Organizations;
import org.partnerdesk.directory.SpecialProcess;
import org.partnerdesk.directory.Users;
import org.partnerdesk.ticket.TicketCreated;
import org.partnerdesk.ticket.TicketForms;
import org.partnerdesk.ticket.Tickets;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * Issue #13: the escalation module alone, its neighbours' facades stood in for: a {@link TicketCreated} for a ticket a
 * partner's member opened puts the partner's special process on it as an internal note (TKT-9).
 */
@ApplicationModuleTest(extraIncludes = "api")
class EscalationModuleTest extends ModuleTest {

    private static final long TICKET = 4711L;
    private static final long PARTNER_MEMBER = 815L;

    @MockitoBean
    Organizations organizations;

    @MockitoBean
    Tickets tickets;

    @MockitoBean
    TicketForms forms;

    @MockitoBean
    Users users;

    @MockitoBean
    Groups groups;

    @Test
    void aTicketOpenedByAPartnersMemberGetsThePartnersSpecialProcessAsANote(Scenario scenario) {
        when(organizations.specialProcessOfPartnerMember(PARTNER_MEMBER))
                .thenReturn(Optional.of(new SpecialProcess("ResellCo", "Call Sam before any change to production.")));

        scenario.publish(new TicketCreated(TICKET, PARTNER_MEMBER, PARTNER_MEMBER, 12L, 426148L))
                .andWaitForEventOfType(TicketCreated.class)
                .toArrive();

        verify(tickets).addInternalNote(TICKET, null, "Special process for ResellCo (TKT-9): Call Sam before any change to production.");
    }

    @Test
    void aTicketOfSomeoneWithoutASpecialProcessGetsNoNote(Scenario scenario) {
        when(organizations.specialProcessOfPartnerMember(PARTNER_MEMBER)).thenReturn(Optional.empty());

        scenario.publish(new TicketCreated(TICKET, PARTNER_MEMBER, PARTNER_MEMBER, null, 426148L))
                .andWaitForEventOfType(TicketCreated.class)
                .toArrive();

        verify(tickets, never()).addInternalNote(anyLong(), any(), anyString());
    }
}
