package org.partnerdesk.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.partnerdesk.sla.domain.Hours;
import org.partnerdesk.sla.domain.Policy;
import org.partnerdesk.sla.domain.SlaTargets;
import org.partnerdesk.sla.domain.Target;

/** DOMAIN-FACTS "Plans and support levels" and "Priority support targets", as application.properties ships them. */
class SlaTargetsTest {

    private final SlaTargets targets = DefaultSlaSettings.load().targets();

    @Test
    void urgentPrioritySupportRunsOnCalendarTime() {
        Policy urgent = targets.policyFor("priority", "urgent").orElseThrow();

        assertThat(urgent.firstReply()).isEqualTo(new Target(Duration.ofMinutes(30), Hours.CALENDAR));
        assertThat(urgent.nextReply()).isEqualTo(new Target(Duration.ofHours(4), Hours.CALENDAR));
    }

    @Test
    void highNormalAndLowPrioritySupportRunOnBusinessHours() {
        assertThat(targets.policyFor("priority", "high").orElseThrow()).extracting(Policy::firstReply, Policy::nextReply)
                .containsExactly(business(4), business(4));
        assertThat(targets.policyFor("priority", "normal").orElseThrow()).extracting(Policy::firstReply, Policy::nextReply)
                .containsExactly(business(8), business(8));
        assertThat(targets.policyFor("priority", "low").orElseThrow()).extracting(Policy::firstReply, Policy::nextReply)
                .containsExactly(business(24), business(24));
    }

    @Test
    void prioritySupportWithoutAPriorityIsServedAsNormal() {
        Policy unset = targets.policyFor("priority", null).orElseThrow();

        assertThat(unset.priority()).isEqualTo("normal");
        assertThat(unset.firstReply()).isEqualTo(business(8));
    }

    @Test
    void standardSupportGetsTwentyFourBusinessHoursWhateverThePriority() {
        for (String priority : new String[] {"urgent", "high", "normal", "low", null}) {
            Policy standard = targets.policyFor("standard", priority).orElseThrow();
            assertThat(standard.firstReply()).as(String.valueOf(priority)).isEqualTo(business(24));
            assertThat(standard.nextReply()).as(String.valueOf(priority)).isEqualTo(business(24));
        }
    }

    @Test
    void noSupportLevelHasNoSla() {
        assertThat(targets.policyFor("none", "urgent")).isEmpty();
        assertThat(targets.policyFor("none", null)).isEmpty();
    }

    private static Target business(int hours) {
        return new Target(Duration.ofHours(hours), Hours.BUSINESS);
    }
}
