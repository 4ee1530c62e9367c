package org.partnerdesk.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

/** TKT-7: the on-call support manager is picked by ISO week number, one rota entry per week. */
class OnCallRotaTest {

    private final OnCallRota rota = new OnCallRota(List.of(11L, 22L, 33L));

    @Test
    void weekOneGoesToTheFirstManagerAndEachWeekToTheNext() {
        assertThat(rota.onCallAt(Instant.parse("2026-01-01T12:00:00Z"))).contains(11L); // Thursday of ISO week 1
        assertThat(rota.onCallAt(Instant.parse("2026-01-05T00:00:00Z"))).contains(22L); // Monday of week 2
        assertThat(rota.onCallAt(Instant.parse("2026-01-12T00:00:00Z"))).contains(33L); // week 3
        assertThat(rota.onCallAt(Instant.parse("2026-01-19T00:00:00Z"))).contains(11L); // week 4 wraps round
    }

    @Test
    void theWeekTurnsOnMondayInUtc() {
        assertThat(rota.onCallAt(Instant.parse("2026-01-11T23:59:59Z"))).contains(22L);
        assertThat(rota.onCallAt(Instant.parse("2026-01-12T00:00:00Z"))).contains(33L);
    }

    @Test
    void anEmptyRotaHasNobodyOnCall() {
        assertThat(new OnCallRota(List.of()).onCallAt(Instant.now())).isEmpty();
    }
}
