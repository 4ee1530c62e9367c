package org.partnerdesk.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

/** API-2: the short memory of verified passwords that spares portal users a bcrypt check on every request. */
class VerifiedPasswordsTest {

    private final TestClock clock = new TestClock();
    private final VerifiedPasswords verified = new VerifiedPasswords(clock, 3, Duration.ofMinutes(5));

    @Test
    void aVerifiedPairCountsForTheSameUserAndStoredHashUntilItsTimeToLiveEnds() {
        verified.add("Ann@Example.com ", "a password of some length", 7, "{bcrypt}hash-1");

        assertThat(verified.contains("ann@example.com", "a password of some length", 7, "{bcrypt}hash-1")).isTrue();
        assertThat(verified.contains("ann@example.com", "a password of some length", 7, "{bcrypt}hash-2")).isFalse(); // changed elsewhere
        assertThat(verified.contains("ann@example.com", "a password of some length", 8, "{bcrypt}hash-1")).isFalse();
        assertThat(verified.contains("ann@example.com", "another password", 7, "{bcrypt}hash-1")).isFalse();
        clock.advance(Duration.ofMinutes(5).minusSeconds(1));
        assertThat(verified.contains("ann@example.com", "a password of some length", 7, "{bcrypt}hash-1")).isTrue();
        clock.advance(Duration.ofSeconds(1));
        assertThat(verified.contains("ann@example.com", "a password of some length", 7, "{bcrypt}hash-1")).isFalse();
        assertThat(verified.size()).isZero();
    }

    @Test
    void itHoldsAtMostItsSizeAndForgetsTheLeastRecentlyUsedFirst() {
        verified.add("a@example.com", "password a!!!", 1, "h1");
        verified.add("b@example.com", "password b!!!", 2, "h2");
        verified.add("c@example.com", "password c!!!", 3, "h3");
        assertThat(verified.contains("a@example.com", "password a!!!", 1, "h1")).isTrue();

        verified.add("d@example.com", "password d!!!", 4, "h4");

        assertThat(verified.size()).isEqualTo(3);
        assertThat(verified.contains("b@example.com", "password b!!!", 2, "h2")).isFalse();
        assertThat(verified.contains("a@example.com", "password a!!!", 1, "h1")).isTrue();
    }

    @Test
    void forgettingAUserDropsAllItsPairs() {
        verified.add("a@example.com", "password a!!!", 1, "h1");
        verified.add("A@example.com", "password b!!!", 1, "h1");
        verified.add("c@example.com", "password c!!!", 3, "h3");

        verified.forget(1);

        assertThat(verified.contains("a@example.com", "password a!!!", 1, "h1")).isFalse();
        assertThat(verified.contains("c@example.com", "password c!!!", 3, "h3")).isTrue();
    }

    @Test
    void aSizeOfZeroOrNoTimeToLiveTurnsItOff() {
        VerifiedPasswords off = new VerifiedPasswords(clock, 0, Duration.ofMinutes(5));
        off.add("a@example.com", "password a!!!", 1, "h1");
        assertThat(off.contains("a@example.com", "password a!!!", 1, "h1")).isFalse();
        VerifiedPasswords noTtl = new VerifiedPasswords(clock, 10, Duration.ZERO);
        noTtl.add("a@example.com", "password a!!!", 1, "h1");
        assertThat(noTtl.contains("a@example.com", "password a!!!", 1, "h1")).isFalse();
    }

    private static final class TestClock extends Clock {

        private Instant now = Instant.parse("2026-11-25T00:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
