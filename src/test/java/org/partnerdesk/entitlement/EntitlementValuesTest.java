package org.partnerdesk.entitlement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.partnerdesk.entitlement.ServedUnder.Kind;

class EntitlementValuesTest {

    @ParameterizedTest
    @CsvSource({"FREE, NONE", "STARTER, STANDARD", "PREMIUM, PRIORITY", "ULTIMATE, PRIORITY"})
    void supportLevelFollowsThePlan(Plan plan, SupportLevel level) {
        assertThat(plan.supportLevel()).isEqualTo(level);
    }

    @ParameterizedTest
    @CsvSource({
        "on_behalf_of_customer, ON_BEHALF_OF_CUSTOMER",
        "' Services_Engagement ', SERVICES_ENGAGEMENT",
        "partner_commercial_work, PARTNER_COMMERCIAL_WORK",
        "partner_internal_training, PARTNER_INTERNAL_TRAINING",
        "'', NOT_GIVEN",
        "not_given, UNKNOWN",
        "unknown, UNKNOWN",
        "training, UNKNOWN",
    })
    void engagementIsReadFromTheRawFieldValue(String value, Engagement engagement) {
        assertThat(Engagement.of(value)).isEqualTo(engagement);
    }

    @Test
    void missingEngagementIsNotGiven() {
        assertThat(Engagement.of(null)).isEqualTo(Engagement.NOT_GIVEN);
    }

    @Test
    void apiCodesReadAsSpecSectionSeven() {
        assertThat(Rule.ENT_10.id()).isEqualTo("ENT-10");
        assertThat(Scenario.SELECT_PARTNER_GO_BETWEEN.code()).isEqualTo("select_partner_go_between");
        assertThat(Kind.ALLIANCE_COLLABORATION.code()).isEqualTo("alliance_collaboration");
        assertThat(SupportTier.L2_L3.code()).isEqualTo("l2_l3");
        assertThat(Flag.CUSTOMER_CC_MISSING.code()).isEqualTo("customer_cc_missing");
        assertThat(SupportLevel.PRIORITY.code()).isEqualTo("priority");
        assertThat(Plan.ULTIMATE.code()).isEqualTo("ultimate");
    }

    @Test
    void servedUnderNoneCarriesNoSubscription() {
        assertThatThrownBy(() -> new ServedUnder(Kind.NONE, 7L, 3L, Plan.PREMIUM))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("none");
    }

    @Test
    void servedUnderSubscriptionMustNameIt() {
        assertThatThrownBy(() -> new ServedUnder(Kind.SUBSCRIPTION, null, 3L, Plan.PREMIUM))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void decisionCannotBeChangedAfterwards() {
        EnumSet<Flag> flags = EnumSet.of(Flag.NEEDS_ORG);
        Entitlement decision = new Entitlement(Rule.ENT_7, Scenario.CUSTOMER_CONTACT_NOT_FOUND, 1L, null, List.of(),
                "Pipeline fails", ServedUnder.none(), SupportLevel.NONE, SupportTier.STANDARD, flags, List.of(),
                null, null);

        flags.add(Flag.CLARIFY);

        assertThat(decision.flags()).containsExactly(Flag.NEEDS_ORG);
        assertThatThrownBy(() -> decision.flags().add(Flag.CLARIFY)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void ruleThatForgetsItsLevelFailsInsteadOfDefaulting() {
        Person sam = new Person(1L, "sam@resellco.test", "sam", null);

        assertThatThrownBy(() -> Entitlement.of(Rule.ENT_4, Scenario.PARTNER_COMMERCIAL_WORK)
                        .requester(sam).subject("s").servedUnder(ServedUnder.none()).because("forgot the level"))
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("ENT-4 set no support level");
    }
}
