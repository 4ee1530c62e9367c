package org.partnerdesk.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class ReplicaLagTest {

    private static final Duration TOLERANCE = Duration.ofSeconds(1);

    @Test
    void aReplicaWithinTheToleranceServesReads() {
        assertThat(ReplicaLag.measured(0.0, TOLERANCE).isInUse()).isTrue();
        assertThat(ReplicaLag.measured(1.0, TOLERANCE).isInUse()).isTrue();
    }

    @Test
    void aReplicaBehindByMoreThanTheToleranceOrByAnUnknownTimeServesNone() {
        assertThat(ReplicaLag.measured(1.2, TOLERANCE).state()).isEqualTo(ReplicaLag.State.LAGGING);
        assertThat(ReplicaLag.measured(null, TOLERANCE).state()).isEqualTo(ReplicaLag.State.LAGGING);
        assertThat(ReplicaLag.down().isInUse()).isFalse();
    }
}
