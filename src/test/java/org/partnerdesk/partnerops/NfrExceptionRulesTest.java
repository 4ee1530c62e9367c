package org.partnerdesk.partnerops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.partnerdesk.partnerops.NfrException.Capacity;
import org.partnerdesk.partnerops.NfrException.Decision;
import org.partnerdesk.partnerops.NfrException.Status;
import org.partnerdesk.partnerops.NfrException.Verdict;

/** PO-4: the exception's own transitions, without HTTP. */
class NfrExceptionRulesTest {

    private static final Instant AT = Instant.parse("2026-05-04T10:00:00Z");
    private final NfrException pending = new NfrException(7, 1, 2, 3, 4, 40, "demo lab", Status.PENDING,
            java.util.List.of(), null, null, AT, AT);

    @Test
    void bothApprovalsApprove() {
        NfrException once = pending.decide(new Decision(4, Capacity.CHANNEL_DIRECTOR, Verdict.APPROVE, null, AT));
        NfrException twice = once.decide(new Decision(9, Capacity.PROGRAMS_DIRECTOR, Verdict.APPROVE, null, AT));

        assertThat(once.status()).isEqualTo(Status.PENDING);
        assertThat(twice.status()).isEqualTo(Status.APPROVED);
    }

    @Test
    void oneDeclineDeclines() {
        assertThat(pending.decide(new Decision(9, Capacity.PROGRAMS_DIRECTOR, Verdict.DECLINE, "pay for it", AT)).status())
                .isEqualTo(Status.DECLINED);
    }

    @Test
    void theSamePersonDecidesOnce() {
        NfrException once = pending.decide(new Decision(9, Capacity.PROGRAMS_DIRECTOR, Verdict.APPROVE, null, AT));

        assertThatThrownBy(() -> once.decide(new Decision(9, Capacity.CHANNEL_DIRECTOR, Verdict.APPROVE, null, AT)))
                .isInstanceOf(NfrRefusal.class).hasMessageContaining("already decided").hasMessageContaining("(PO-4)");
    }

    @Test
    void onlyAnApprovedExceptionIsFulfilled() {
        assertThatThrownBy(() -> pending.fulfil(11, 5, AT)).isInstanceOf(NfrRefusal.class).hasMessageContaining("both");
    }
}
