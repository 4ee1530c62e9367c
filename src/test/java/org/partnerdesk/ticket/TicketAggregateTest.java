package org.partnerdesk.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.partnerdesk.entitlement.Entitlement;
import org.partnerdesk.entitlement.Rule;
import org.partnerdesk.entitlement.Scenario;
import org.partnerdesk.entitlement.ServedUnder;
import org.partnerdesk.entitlement.SupportLevel;
import org.partnerdesk.entitlement.SupportTier;
import org.partnerdesk.ticket.Ticket.StoredDecision;

/** The ticket's own transitions, one rule each, without Spring or a database (TKT-1, TKT-2, TKT-3, ENT-8, PO-6). */
class TicketAggregateTest {

    private static final Instant OPENED = Instant.parse("2026-03-02T09:00:00Z");
    private static final Instant LATER = Instant.parse("2026-03-02T10:00:00Z");
    private static final long REQUESTER = 7;
    private static final long AGENT = 2;
    private static final TicketChange.Comment PUBLIC_REPLY = TicketChange.Comment.publicReply("Production is down, so this is urgent now.");
    private static final TicketChange.Comment INTERNAL_NOTE = TicketChange.Comment.internalNote("legacy runner");

    @Test
    void closedTicketCannotBeReopened() {
        Ticket closed = aTicket(TicketStatus.CLOSED, TicketPriority.NORMAL);

        assertThatThrownBy(() -> closed.revise(LATER)).isInstanceOfSatisfying(TicketRuleViolation.class,
                refusal -> assertThat(refusal.rule()).isEqualTo(TicketRule.TKT_1));
    }

    @Test
    void solvedTicketCannotGoBackToNew() {
        TicketRevision revision = aTicket(TicketStatus.SOLVED, null).revise(LATER);

        assertThatThrownBy(() -> revision.movingStatus(TicketStatus.NEW, true, null))
                .isInstanceOfSatisfying(TicketRuleViolation.class, refusal -> assertThat(refusal.rule()).isEqualTo(TicketRule.TKT_1));
    }

    @Test
    void agentsFirstPublicReplyOpensANewTicketAndTheAuditSaysSo() {
        TicketRevision revision = aTicket(TicketStatus.NEW, null).revise(LATER).movingStatus(null, true, PUBLIC_REPLY);

        assertThat(revision.after().status()).isEqualTo(TicketStatus.OPEN);
        assertThat(revision.after().updatedAt()).isEqualTo(LATER);
        assertThat(revision.events()).containsExactly(new Audit.Event("Change", "status", "open", "new", null));
    }

    @Test
    void agentPriorityChangeWithoutPublicCommentIsRefused() {
        Ticket ticket = aTicket(TicketStatus.OPEN, TicketPriority.NORMAL);

        assertThatThrownBy(() -> ticket.revise(LATER).reprioritizing(TicketPriority.URGENT, null))
                .isInstanceOfSatisfying(TicketRuleViolation.class, refusal -> assertThat(refusal.rule()).isEqualTo(TicketRule.TKT_3));
        assertThatThrownBy(() -> ticket.revise(LATER).reprioritizing(TicketPriority.URGENT, INTERNAL_NOTE))
                .isInstanceOfSatisfying(TicketRuleViolation.class, refusal -> assertThat(refusal.rule()).isEqualTo(TicketRule.TKT_3));
    }

    @Test
    void priorityChangeIsAuditedWithThePublicCommentThatExplainsIt() {
        TicketRevision revision = aTicket(TicketStatus.OPEN, TicketPriority.NORMAL).revise(LATER)
                .reprioritizing(TicketPriority.URGENT, PUBLIC_REPLY);

        assertThat(revision.after().priority()).isEqualTo(TicketPriority.URGENT);
        assertThat(revision.events()).containsExactly(new Audit.Event("Change", "priority", "urgent", "normal",
                "TKT-3: Production is down, so this is urgent now."));
    }

    @Test
    void keepingThePriorityNeedsNoComment() {
        TicketRevision revision = aTicket(TicketStatus.OPEN, TicketPriority.HIGH).revise(LATER).reprioritizing(TicketPriority.HIGH, null);

        assertThat(revision.events()).isEmpty();
    }

    @Test
    void ccsNeverIncludeTheRequesterAndCarryTheirRulesReason() {
        TicketRevision revision = aTicket(TicketStatus.OPEN, null).revise(LATER)
                .copying(List.of(REQUESTER, 11L), "TKT-2: the requester's CCs");

        assertThat(revision.after().collaboratorIds()).containsExactly(11L);
        assertThat(revision.events()).containsExactly(new Audit.Event("Change", "collaborator_ids", List.of(11L), List.of(),
                "TKT-2: the requester's CCs"));
    }

    @Test
    void rerunDecisionMovesRequesterOrganizationAndSubjectTogether() {
        StoredDecision corrected = new StoredDecision(entitlement(Rule.ENT_8, 8, 44L, "Corrected subject"), 8);

        Ticket after = aTicket(TicketStatus.OPEN, null).revise(LATER).decided(corrected).after();

        assertThat(after.requesterId()).isEqualTo(8);
        assertThat(after.organizationId()).isEqualTo(44L);
        assertThat(after.subject()).isEqualTo("Corrected subject");
    }

    @Test
    void reroutingNamesTheFactThatChoseTheNewOwner() {
        TicketRevision revision = aTicket(TicketStatus.OPEN, null).revise(LATER)
                .rerouted(new IntakeRouting.Route(300, "PO-6: request type billing_account", null));

        assertThat(revision.events()).containsExactly(new Audit.Event("Change", "group_id", 300L, 100L,
                "PO-6: request type billing_account"));
    }

    @Test
    void emptyCustomFieldValueClearsTheField() {
        TicketRevision revision = aTicket(TicketStatus.OPEN, null).revise(LATER).settingFields(java.util.Collections.singletonMap(5L, ""));

        assertThat(revision.after().customFields()).doesNotContainKey(5L);
        assertThat(revision.events()).containsExactly(new Audit.Event("Change", "5", null, "acme", null));
    }

    @Test
    void anOpenedTicketStartsNewUnderItsDecisionAndAuditsWhy() {
        NewTicket request = NewTicket.opening("Login fails", "Since Monday", 10).withPriority(TicketPriority.HIGH);

        Ticket draft = Ticket.opened(request, REQUESTER, Map.of(), List.of(REQUESTER), null,
                new StoredDecision(entitlement(Rule.ENT_1, REQUESTER, 40L, "Login fails"), REQUESTER), OPENED);

        assertThat(draft.status()).isEqualTo(TicketStatus.NEW);
        assertThat(draft.collaboratorIds()).isEmpty();
        assertThat(draft.openingEvents(null, null)).extracting(Audit.Event::fieldName)
                .containsExactly("subject", "status", "priority", "requester_id", "organization_id", "entitlement", "comment");
        assertThat(draft.openingEvents(null, null).get(2).value()).isEqualTo("high");
    }

    private static Ticket aTicket(TicketStatus status, TicketPriority priority) {
        StoredDecision decision = new StoredDecision(entitlement(Rule.ENT_1, REQUESTER, 40L, "Login fails"), REQUESTER);
        return new Ticket(1, "Login fails", "Since Monday", true, status, priority, TicketType.PROBLEM, 10, REQUESTER, REQUESTER, 40L,
                AGENT, 100L, List.of("vip"), Map.of(5L, "acme"), List.of(), decision, OPENED, OPENED);
    }

    private static Entitlement entitlement(Rule rule, long requesterId, Long organizationId, String subject) {
        return new Entitlement(rule, Scenario.CUSTOMER, requesterId, organizationId, List.of(), subject, ServedUnder.none(),
                SupportLevel.STANDARD, SupportTier.STANDARD, Set.of(), List.of(), null, null);
    }
}
