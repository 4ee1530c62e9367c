package org.partnerdesk.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.partnerdesk.ticket.TicketStatus.CLOSED;
import static org.partnerdesk.ticket.TicketStatus.HOLD;
import static org.partnerdesk.ticket.TicketStatus.NEW;
import static org.partnerdesk.ticket.TicketStatus.OPEN;
import static org.partnerdesk.ticket.TicketStatus.PENDING;
import static org.partnerdesk.ticket.TicketStatus.SOLVED;

import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** TKT-1 the moves a ticket may make, as a pure rule. */
class TicketStatusTest {

    private static final TicketChange.Comment PUBLIC_REPLY = new TicketChange.Comment("on it", true);
    private static final TicketChange.Comment INTERNAL_NOTE = new TicketChange.Comment("legacy runner", false);

    @ParameterizedTest
    @EnumSource(TicketStatus.class)
    void nothingGoesBackToNew(TicketStatus from) {
        assertThat(from.canMoveTo(NEW)).isEqualTo(from == NEW);
    }

    @Test
    void closedIsFinal() {
        assertThat(Arrays.stream(TicketStatus.values()).filter(CLOSED::canMoveTo)).containsExactly(CLOSED);
        assertThatThrownBy(() -> CLOSED.moveTo(OPEN)).isInstanceOfSatisfying(TicketRuleViolation.class,
                refusal -> assertThat(refusal.rule()).isEqualTo(TicketRule.TKT_1));
    }

    @ParameterizedTest
    @EnumSource(value = TicketStatus.class, names = {"NEW", "OPEN", "PENDING", "HOLD"})
    void ticketIsSolvedBeforeItIsClosed(TicketStatus from) {
        assertThat(from.canMoveTo(CLOSED)).isFalse();
        assertThat(from.canMoveTo(SOLVED)).isTrue();
        assertThat(SOLVED.canMoveTo(CLOSED)).isTrue();
    }

    @Test
    void workingStatusesMoveAmongThemselves() {
        for (TicketStatus from : new TicketStatus[] {OPEN, PENDING, HOLD, SOLVED}) {
            for (TicketStatus to : new TicketStatus[] {OPEN, PENDING, HOLD}) {
                assertThat(from.canMoveTo(to)).as(from + " -> " + to).isTrue();
            }
        }
    }

    @Test
    void agentsFirstPublicReplyOpensANewTicketUnlessAStatusIsGiven() {
        assertThat(NEW.afterChange(null, true, PUBLIC_REPLY)).isEqualTo(OPEN);
        assertThat(NEW.afterChange(PENDING, true, PUBLIC_REPLY)).isEqualTo(PENDING);
        assertThat(NEW.afterChange(null, true, INTERNAL_NOTE)).isEqualTo(NEW);
        assertThat(NEW.afterChange(null, false, PUBLIC_REPLY)).isEqualTo(NEW);
        assertThat(PENDING.afterChange(null, true, PUBLIC_REPLY)).isEqualTo(PENDING);
    }

    @Test
    void requestersReplyBringsAPendingOrSolvedTicketBack() {
        assertThat(PENDING.afterChange(null, false, PUBLIC_REPLY)).isEqualTo(OPEN);
        assertThat(SOLVED.afterChange(null, false, PUBLIC_REPLY)).isEqualTo(OPEN);
        assertThat(HOLD.afterChange(null, false, PUBLIC_REPLY)).isEqualTo(HOLD);
    }

    @Test
    void everyCodeReadsBack() {
        for (TicketStatus status : TicketStatus.values()) {
            assertThat(TicketStatus.of(status.code())).isEqualTo(status);
        }
    }
}
