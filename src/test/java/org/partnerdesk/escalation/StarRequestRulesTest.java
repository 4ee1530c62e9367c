package org.partnerdesk.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.api.Test;

/** TKT-7: the unstar transition lives on the STAR request and refuses illegal moves itself. */
class StarRequestRulesTest {

    private static final Instant AT = Instant.parse("2026-03-16T09:00:00Z");

    private final StarRequest starred = StarRequest.starred(1, 2, Urgency.TIMELY, "premium", "down", "a call", 3,
            AT.plusSeconds(3600), AT);

    @Test
    void unstarringRecordsTheReasonAndTheAlternativePath() {
        StarRequest unstarred = starred.unstar("workaround accepted", "weekly sync", AT.plusSeconds(60));

        assertThat(unstarred.status()).isEqualTo(StarRequest.Status.UNSTARRED);
        assertThat(unstarred.unstarReason()).isEqualTo("workaround accepted");
        assertThat(unstarred.alternativePath()).isEqualTo("weekly sync");
        assertThat(unstarred.updatedAt()).isEqualTo(AT.plusSeconds(60));
    }

    @Test
    void unstarringWithoutAReasonIsRefused() {
        assertThatThrownBy(() -> starred.unstar("  ", null, AT)).isInstanceOf(StarRefusal.class).hasMessageContaining("TKT-7");
    }

    @Test
    void anUnstarredRequestCannotBeUnstarredAgain() {
        StarRequest unstarred = starred.unstar("done", null, AT);

        assertThatThrownBy(() -> unstarred.unstar("again", null, AT)).isInstanceOf(StarRefusal.class)
                .hasMessageContaining("already unstarred");
    }
}
