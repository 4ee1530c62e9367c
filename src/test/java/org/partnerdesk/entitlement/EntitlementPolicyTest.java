package org.partnerdesk.entitlement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.partnerdesk.entitlement.TestDirectory.TODAY;
import static org.partnerdesk.entitlement.TestDirectory.aCustomer;
import static org.partnerdesk.entitlement.TestDirectory.aPartnerOnTrack;
import static org.partnerdesk.entitlement.TestDirectory.aPartnerWithoutTrack;
import static org.partnerdesk.entitlement.TestDirectory.aSelectPartner;
import static org.partnerdesk.entitlement.TestDirectory.aTicket;
import static org.partnerdesk.entitlement.TestDirectory.aUserWithoutOrganization;
import static org.partnerdesk.entitlement.TestDirectory.anAlliancePartner;
import static org.partnerdesk.entitlement.TestDirectory.anOpenPartner;
import static org.partnerdesk.entitlement.TestDirectory.onlyNfrLicenseOf;
import static org.partnerdesk.entitlement.TestDirectory.onlySubscriptionOf;
import static org.partnerdesk.entitlement.TestDirectory.organizationOf;
import static org.partnerdesk.entitlement.TestDirectory.ourOwnCompany;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.partnerdesk.entitlement.ServedUnder.Kind;
import org.partnerdesk.entitlement.TestDirectory.TicketBuilder;

class EntitlementPolicyTest {

    private final EntitlementPolicy policy = new EntitlementPolicy();

    private Entitlement decide(TicketBuilder ticket) {
        return policy.decide(ticket.build());
    }

    private static void assertTraced(Entitlement decision, Rule rule, String factFragment) {
        assertThat(decision.trace())
                .as("trace of %s", decision.rule().id())
                .anySatisfy(entry -> {
                    assertThat(entry.rule()).isEqualTo(rule);
                    assertThat(entry.fact()).containsIgnoringCase(factFragment);
                });
    }

    @Nested
    @DisplayName("ENT-1 Open partner on behalf of a customer [000][001]")
    class OpenPartnerOnBehalfOfCustomer {

        private final Person sam = anOpenPartner().withSubscription(Plan.ULTIMATE).withUser("sam");

        @Test
        void openPartnerTicketIsServedUnderCustomerSubscription() {
            Person ann = aCustomer().withSubscription(Plan.PREMIUM).withUser("ann");

            Entitlement decision = decide(aTicket(Form.OPEN_PARTNER).from(sam).forContact(ann)
                    .withEngagement("on_behalf_of_customer"));

            assertThat(decision.rule()).isEqualTo(Rule.ENT_1);
            assertThat(decision.scenario()).isEqualTo(Scenario.OPEN_PARTNER_ON_BEHALF_OF_CUSTOMER);
            assertThat(decision.requesterId()).isEqualTo(ann.userId());
            assertThat(decision.organizationId()).isEqualTo(organizationOf(ann).id());
            assertThat(decision.servedUnder())
                    .isEqualTo(ServedUnder.subscription(organizationOf(ann), onlySubscriptionOf(ann)));
            assertThat(decision.supportLevel()).isEqualTo(SupportLevel.PRIORITY);
            assertThat(decision.supportTier()).isEqualTo(SupportTier.STANDARD);
            assertThat(decision.flags()).isEmpty();
            assertTraced(decision, Rule.ENT_1, "requester is ann@acme.test");
        }

        @Test
        void customerPlanWinsOverThePartnersBetterPlan() {
            Person ann = aCustomer().withSubscription(Plan.STARTER).withUser("ann");

            Entitlement decision = decide(aTicket(Form.OPEN_PARTNER).from(sam).forContact(ann));

            assertThat(decision.supportLevel()).isEqualTo(SupportLevel.STANDARD);
            assertThat(decision.servedUnder().organizationId()).isEqualTo(organizationOf(ann).id());
            assertThat(decision.servedUnder().plan()).isEqualTo(Plan.STARTER);
        }

        @Test
        void emptyEngagementOnOpenPartnerFormMeansOnBehalfOfCustomer() {
            Person ann = aCustomer().withSubscription(Plan.PREMIUM).withUser("ann");

            Entitlement decision = decide(aTicket(Form.OPEN_PARTNER).from(sam).forContact(ann).withEngagement("  "));

            assertThat(decision.rule()).isEqualTo(Rule.ENT_1);
            assertThat(decision.requesterId()).isEqualTo(ann.userId());
            assertTraced(decision, Rule.ENT_1, "read as on_behalf_of_customer");
        }

        @Test
        void expiredCustomerSubscriptionGivesNoEntitlement() {
            Person ann = aCustomer().withExpiredSubscription(Plan.ULTIMATE).withUser("ann");

            Entitlement decision = decide(aTicket(Form.OPEN_PARTNER).from(sam).forContact(ann));

            assertThat(decision.rule()).isEqualTo(Rule.ENT_1);
            assertThat(decision.requesterId()).isEqualTo(ann.userId());
            assertThat(decision.organizationId()).isEqualTo(organizationOf(ann).id());
            assertThat(decision.supportLevel()).isEqualTo(SupportLevel.NONE);
            assertThat(decision.servedUnder()).isEqualTo(ServedUnder.none());
            assertThat(decision.flags()).containsExactly(Flag.NO_ENTITLEMENT);
            assertTraced(decision, Rule.ENT_1, "no active subscription on " + TODAY);
            assertTraced(decision, Rule.ENT_1, "runs " + TODAY.minusYears(1).minusDays(1) + " to " + TODAY.minusDays(1));
        }

        @Test
        void customerOnFreePlanGetsNoEntitlement() {
            Person ann = aCustomer().withSubscription(Plan.FREE).withUser("ann");

            Entitlement decision = decide(aTicket(Form.OPEN_PARTNER).from(sam).forContact(ann));

            assertThat(decision.servedUnder().kind()).isEqualTo(Kind.SUBSCRIPTION);
            assertThat(decision.servedUnder().plan()).isEqualTo(Plan.FREE);
            assertThat(decision.supportLevel()).isEqualTo(SupportLevel.NONE);
            assertThat(decision.flags()).containsExactly(Flag.NO_ENTITLEMENT);
            assertTraced(decision, Rule.ENT_1, "free plan includes no support");
        }

        @Test
        void subscriptionNotYetStartedDoesNotCount() {
            Person ann = aCustomer().withSubscription(Plan.PREMIUM, TODAY.plusDays(1), TODAY.plusYears(1))
                    .withUser("ann");

            Entitlement decision = decide(aTicket(Form.OPEN_PARTNER).from(sam).forContact(ann));

            assertThat(decision.supportLevel()).isEqualTo(SupportLevel.NONE);
            assertThat(decision.flags()).contains(Flag.NO_ENTITLEMENT);
        }

        @Test
        void subscriptionEndingTodayStillCounts() {
            Person ann = aCustomer().withSubscription(Plan.PREMIUM, TODAY.minusYears(1), TODAY).withUser("ann");

            Entitlement decision = decide(aTicket(Form.OPEN_PARTNER).from(sam).forContact(ann));

            assertThat(decision.supportLevel()).isEqualTo(SupportLevel.PRIORITY);
            assertThat(decision.flags()).doesNotContain(Flag.NO_ENTITLEMENT);
        }

        @Test
        void bestOfSeveralActiveSubscriptionsWins() {
            Person ann = aCustomer()
                    .withSubscription(Plan.STARTER)
                    .withSubscription(Plan.ULTIMATE)
                    .withSubscription(Plan.FREE)
                    .withUser("ann");
            Subscription ultimate = organizationOf(ann).subscriptions().get(1);

            Entitlement decision = decide(aTicket(Form.OPEN_PARTNER).from(sam).forContact(ann));

            assertThat(decision.servedUnder().id()).isEqualTo(ultimate.id());
            assertThat(decision.supportLevel()).isEqualTo(SupportLevel.PRIORITY);
        }

        @Test
        void selectPartnerOnOpenPartnerFormHandsTheCustomerOver() {
            Person pat = aSelectPartner().withUser("pat");
            Person ann = aCustomer().withSubscription(Plan.STARTER).withUser("ann");

            Entitlement decision = decide(aTicket(Form.OPEN_PARTNER).from(pat).forContact(ann));

            assertThat(decision.rule()).isEqualTo(Rule.ENT_1);
            assertThat(decision.requesterId()).isEqualTo(ann.userId());
            assertThat(decision.supportLevel()).isEqualTo(SupportLevel.STANDARD);
        }

        @Test
        void partnerAskingInTheDescriptionIsCcd() {
            Person ann = aCustomer().withSubscription(Plan.PREMIUM).withUser("ann");

            Entitlement decision = decide(aTicket(Form.OPEN_PARTNER).from(sam).forContact(ann)
                    .withDescription("Runner crashes on start. Please keep me in the loop, thanks."));

            assertThat(decision.ccUserIds()).containsExactly(sam.userId());
            assertTraced(decision, Rule.ENT_1, "the description asks \"keep me in the loop\"");
        }

        @Test
        void partnerWhoDidNotAskIsNotCcd() {
            Person ann = aCustomer().withSubscription(Plan.PREMIUM).withUser("ann");

            Entitlement decision = decide(aTicket(Form.OPEN_PARTNER).from(sam).forContact(ann));

            assertThat(decision.ccUserIds()).isEmpty();
            assertTraced(decision, Rule.ENT_1, "did not ask to be CC'd");
        }
    }

    @Nested
    @DisplayName("ENT-2 Open partner services engagement [000]")
    class OpenPartnerServicesEngagement {

        private final Person sam = anOpenPartner().withUser("sam");
        private final Person ann = aCustomer().withSubscription(Plan.PREMIUM).withUser("ann");

        private TicketBuilder servicesTicket() {
            return aTicket(Form.OPEN_PARTNER).from(sam).forContact(ann).withEngagement("services_engagement");
        }

        @Test
        void servicesEngagementIsServedUnderCustomerSubscription() {
            Entitlement decision = decide(servicesTicket());

            assertThat(decision.rule()).isEqualTo(Rule.ENT_2);
            assertThat(decision.scenario()).isEqualTo(Scenario.OPEN_PARTNER_SERVICES_ENGAGEMENT);
            assertThat(decision.requesterId()).isEqualTo(ann.userId());
            assertThat(decision.organizationId()).isEqualTo(organizationOf(ann).id());
            assertThat(decision.servedUnder().id()).isEqualTo(onlySubscriptionOf(ann).id());
            assertThat(decision.supportLevel()).isEqualTo(SupportLevel.PRIORITY);
        }

        @Test
        void checkedCcPartnerAddsThePartnerToTheCcs() {
            Entitlement decision = decide(servicesTicket().withCcPartnerChecked());

            assertThat(decision.ccUserIds()).containsExactly(sam.userId());
            assertTraced(decision, Rule.ENT_2, "CC partner is checked");
        }

        @ParameterizedTest
        @ValueSource(strings = {
            "Tried a restart. Please CC me on this ticket.",
            "please cc",
            "Could you add me to the CC list?",
            "Keep me in the loop please",
            "include me in replies",
            "We would like to be CC'd.",
            "Kindly cc us, we run the engagement",
        })
        void requestToBeCcdInTroubleshootingIsHonoured(String troubleshooting) {
            Entitlement decision = decide(servicesTicket().withTroubleshooting(troubleshooting));

            assertThat(decision.ccUserIds()).containsExactly(sam.userId());
            assertTraced(decision, Rule.ENT_2, "Partner troubleshooting asks");
        }

        @ParameterizedTest
        @ValueSource(strings = {
            "Restarted the runner; logs include metrics and the CC licence key.",
            "No need to cc me, the customer will follow up.",
            "Please don't include us.",
            "Logs include memory dumps from the occ process.",
        })
        void wordsThatAreNotARequestDoNotCcThePartner(String troubleshooting) {
            Entitlement decision = decide(servicesTicket().withTroubleshooting(troubleshooting));

            assertThat(decision.ccUserIds()).isEmpty();
        }

        @Test
        void servicesEngagementWithoutARequestLeavesThePartnerOffTheCcs() {
            Entitlement decision = decide(servicesTicket().withTroubleshooting("Checked the logs and restarted."));

            assertThat(decision.ccUserIds()).isEmpty();
            assertTraced(decision, Rule.ENT_2, "sam@resellco.test did not ask to be CC'd");
        }

        @Test
        void servicesEngagementForAnUnknownContactNeedsOrg() {
            Entitlement decision = decide(servicesTicket().withOrganizationEmail("anne@acme.test").withCcPartnerChecked());

            assertThat(decision.rule()).isEqualTo(Rule.ENT_7);
            assertThat(decision.requesterId()).isEqualTo(sam.userId());
            assertThat(decision.ccUserIds()).isEmpty();
            assertTraced(decision, Rule.ENT_2, "services_engagement");
        }
    }

    @Nested
    @DisplayName("ENT-7 Customer contact not found [000][001]")
    class CustomerContactNotFound {

        private final Person sam = anOpenPartner().withSubscription(Plan.ULTIMATE).withUser("sam");

        private void assertPartnerKeepsTicketWithoutOrganization(Entitlement decision) {
            assertThat(decision.rule()).isEqualTo(Rule.ENT_7);
            assertThat(decision.scenario()).isEqualTo(Scenario.CUSTOMER_CONTACT_NOT_FOUND);
            assertThat(decision.requesterId()).isEqualTo(sam.userId());
            assertThat(decision.organizationId()).isNull();
            assertThat(decision.servedUnder()).isEqualTo(ServedUnder.none());
            assertThat(decision.supportLevel()).isEqualTo(SupportLevel.NONE);
            assertThat(decision.flags()).containsExactly(Flag.NEEDS_ORG);
        }

        @Test
        void mistypedOrganizationEmailKeepsThePartnerAsRequester() {
            Entitlement decision = decide(aTicket(Form.OPEN_PARTNER).from(sam).withOrganizationEmail(" ann@acme.tset "));

            assertPartnerKeepsTicketWithoutOrganization(decision);
            assertTraced(decision, Rule.ENT_7, "'ann@acme.tset' names no known contact");
            assertTraced(decision, Rule.ENT_1, "Open Partner form");
        }

        @Test
        void emptyOrganizationEmailNeedsOrg() {
            Entitlement decision = decide(aTicket(Form.OPEN_PARTNER).from(sam).withOrganizationEmail(null));

            assertPartnerKeepsTicketWithoutOrganization(decision);
            assertTraced(decision, Rule.ENT_7, "Organization Email (partners) is empty");
        }

        @Test
        void contactInPartnerOrganizationIsNotACustomer() {
            Person pat = aSelectPartner().withUser("pat");

            Entitlement decision = decide(aTicket(Form.OPEN_PARTNER).from(sam).forContact(pat));

            assertPartnerKeepsTicketWithoutOrganization(decision);
            assertTraced(decision, Rule.ENT_7, "pat@selectco.test is a contact of Select partner SelectCo, not of a customer");
        }

        @Test
        void partnerNamingItselfIsNotACustomer() {
            Entitlement decision = decide(aTicket(Form.OPEN_PARTNER).from(sam).forContact(sam));

            assertPartnerKeepsTicketWithoutOrganization(decision);
        }

        @Test
        void internalUserIsNotACustomerContact() {
            Person ida = ourOwnCompany().withUser("ida");

            Entitlement decision = decide(aTicket(Form.OPEN_PARTNER).from(sam).forContact(ida));

            assertPartnerKeepsTicketWithoutOrganization(decision);
            assertTraced(decision, Rule.ENT_7, "internal organization PartnerDesk");
        }

        @Test
        void contactWithoutOrganizationNeedsOrg() {
            Person zoe = aUserWithoutOrganization("zoe");

            Entitlement decision = decide(aTicket(Form.OPEN_PARTNER).from(sam).forContact(zoe));

            assertPartnerKeepsTicketWithoutOrganization(decision);
            assertTraced(decision, Rule.ENT_7, "zoe@nowhere.test belongs to no organization");
        }

        @Test
        void contactLookedUpForAnotherEmailIsRefused() {
            Person ann = aCustomer().withUser("ann");

            assertThatThrownBy(() -> aTicket(Form.OPEN_PARTNER).from(sam)
                            .withOrganizationEmail("bob@acme.test").withContactFound(ann).build())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("ann@acme.test")
                    .hasMessageContaining("bob@acme.test");
        }
    }

    @Nested
    @DisplayName("ENT-8 Correction [000]")
    class Correction {

        @Test
        void correctedOrganizationEmailMovesRequesterOrganizationAndPlan() {
            Person sam = anOpenPartner().withUser("sam");
            Person ann = aCustomer().withSubscription(Plan.PREMIUM).withUser("ann");
            TicketBuilder ticket = aTicket(Form.OPEN_PARTNER).from(sam).withOrganizationEmail("ann@acme.tset");

            Entitlement mistyped = decide(ticket);
            Entitlement corrected = decide(ticket.forContact(ann));

            assertThat(mistyped.rule()).isEqualTo(Rule.ENT_7);
            assertThat(mistyped.requesterId()).isEqualTo(sam.userId());
            assertThat(corrected.rule()).isEqualTo(Rule.ENT_1);
            assertThat(corrected.requesterId()).isEqualTo(ann.userId());
            assertThat(corrected.organizationId()).isEqualTo(organizationOf(ann).id());
            assertThat(corrected.supportLevel()).isEqualTo(SupportLevel.PRIORITY);
            assertThat(corrected.flags()).doesNotContain(Flag.NEEDS_ORG);
        }

        @Test
        void sameFactsAlwaysGiveTheSameDecision() {
            Person sam = anOpenPartner().withUser("sam");
            Person ann = aCustomer().withSubscription(Plan.PREMIUM).withUser("ann");
            TicketFacts facts = aTicket(Form.OPEN_PARTNER).from(sam).forContact(ann).withCcPartnerChecked().build();

            assertThat(policy.decide(facts)).isEqualTo(policy.decide(facts));
        }
    }

    @Nested
    @DisplayName("ENT-3 Select partner as go-between [000]")
    class SelectPartnerAsGoBetween {

        private final Person pat = aSelectPartner().withSubscription(Plan.FREE).withUser("pat");

        @Test
        void selectPartnerGetsPriorityEvenOnFreePlan() {
            Entitlement decision = decide(aTicket(Form.SELECT_PARTNER).from(pat).withCustomerName("Acme"));

            assertThat(decision.rule()).isEqualTo(Rule.ENT_3);
            assertThat(decision.scenario()).isEqualTo(Scenario.SELECT_PARTNER_GO_BETWEEN);
            assertThat(decision.requesterId()).isEqualTo(pat.userId());
            assertThat(decision.organizationId()).isEqualTo(organizationOf(pat).id());
            assertThat(decision.servedUnder()).isEqualTo(ServedUnder.partnerProgram(organizationOf(pat)));
            assertThat(decision.supportLevel()).isEqualTo(SupportLevel.PRIORITY);
            assertThat(decision.flags()).isEmpty();
            assertTraced(decision, Rule.ENT_3, "for customer 'Acme'");
        }

        @Test
        void selectPartnerTicketStaysInThePartnersOrganizationWhateverEmailIsGiven() {
            Person ann = aCustomer().withSubscription(Plan.FREE).withUser("ann");

            Entitlement decision = decide(aTicket(Form.SELECT_PARTNER).from(pat).forContact(ann)
                    .withEngagement("on_behalf_of_customer"));

            assertThat(decision.rule()).isEqualTo(Rule.ENT_3);
            assertThat(decision.requesterId()).isEqualTo(pat.userId());
            assertThat(decision.organizationId()).isEqualTo(organizationOf(pat).id());
            assertThat(decision.supportLevel()).isEqualTo(SupportLevel.PRIORITY);
        }

        @Test
        void selectPartnerWithoutCustomerNameIsStillServed() {
            Entitlement decision = decide(aTicket(Form.SELECT_PARTNER).from(pat));

            assertThat(decision.rule()).isEqualTo(Rule.ENT_3);
            assertTraced(decision, Rule.ENT_3, "Customer Name (partners) not given");
        }

        @ParameterizedTest
        @EnumSource(value = PartnerTrack.class, names = {"OPEN", "ALLIANCE", "DISTRIBUTOR"})
        void openPartnerOnSelectFormIsAskedToClarify(PartnerTrack track) {
            Person other = aPartnerOnTrack(track).withSubscription(Plan.ULTIMATE).withUser("oli");

            Entitlement decision = decide(aTicket(Form.SELECT_PARTNER).from(other));

            assertThat(decision.rule()).isEqualTo(Rule.ENT_9);
            assertThat(decision.supportLevel()).isEqualTo(SupportLevel.NONE);
            assertThat(decision.servedUnder()).isEqualTo(ServedUnder.none());
            assertThat(decision.flags()).containsExactly(Flag.CLARIFY);
            assertThat(decision.internalNote()).contains("Select Partner form");
        }

        @Test
        void servicesEngagementOnSelectFormIsAskedToClarify() {
            Entitlement decision = decide(aTicket(Form.SELECT_PARTNER).from(pat).withEngagement("services_engagement"));

            assertThat(decision.rule()).isEqualTo(Rule.ENT_9);
            assertThat(decision.internalNote()).contains("services_engagement");
            assertThat(decision.publicReply()).contains("services engagement");
        }
    }

    @Nested
    @DisplayName("ENT-4 Partner's own commercial work [000]")
    class PartnersOwnCommercialWork {

        @ParameterizedTest
        @EnumSource(PartnerTrack.class)
        void partnerOfAnyTrackOnSupportFormIsServedUnderItsOwnSubscription(PartnerTrack track) {
            Person pat = aPartnerOnTrack(track).withSubscription(Plan.PREMIUM).withUser("pat");

            Entitlement decision = decide(aTicket(Form.SUPPORT).from(pat));

            assertThat(decision.rule()).isEqualTo(Rule.ENT_4);
            assertThat(decision.scenario()).isEqualTo(Scenario.PARTNER_COMMERCIAL_WORK);
            assertThat(decision.requesterId()).isEqualTo(pat.userId());
            assertThat(decision.organizationId()).isEqualTo(organizationOf(pat).id());
            assertThat(decision.servedUnder())
                    .isEqualTo(ServedUnder.subscription(organizationOf(pat), onlySubscriptionOf(pat)));
            assertThat(decision.supportLevel()).isEqualTo(SupportLevel.PRIORITY);
        }

        @ParameterizedTest
        @EnumSource(value = Form.class, names = {"OPEN_PARTNER", "SELECT_PARTNER", "ALLIANCE_PARTNER"})
        void commercialWorkOnAnyPartnerFormIsServedUnderThePartnersSubscription(Form form) {
            Person sam = anOpenPartner().withSubscription(Plan.STARTER).withUser("sam");
            Person ann = aCustomer().withSubscription(Plan.ULTIMATE).withUser("ann");

            Entitlement decision = decide(aTicket(form).from(sam).forContact(ann)
                    .withEngagement("partner_commercial_work"));

            assertThat(decision.rule()).isEqualTo(Rule.ENT_4);
            assertThat(decision.requesterId()).isEqualTo(sam.userId());
            assertThat(decision.organizationId()).isEqualTo(organizationOf(sam).id());
            assertThat(decision.supportLevel()).isEqualTo(SupportLevel.STANDARD);
            assertTraced(decision, Rule.ENT_4, "engagement partner_commercial_work");
        }

        @Test
        void partnerWithoutItsOwnSubscriptionGetsNoEntitlementWithReason() {
            Person sam = anOpenPartner().withExpiredSubscription(Plan.PREMIUM).withUser("sam");

            Entitlement decision = decide(aTicket(Form.SUPPORT).from(sam));

            assertThat(decision.rule()).isEqualTo(Rule.ENT_4);
            assertThat(decision.requesterId()).isEqualTo(sam.userId());
            assertThat(decision.supportLevel()).isEqualTo(SupportLevel.NONE);
            assertThat(decision.servedUnder()).isEqualTo(ServedUnder.none());
            assertThat(decision.flags()).containsExactly(Flag.NO_ENTITLEMENT);
            assertTraced(decision, Rule.ENT_4, "Open partner ResellCo has no active subscription");
        }
    }

    @Nested
    @DisplayName("ENT-5 Partner internal training, testing, knowledge building [000]")
    class PartnerInternalTraining {

        @ParameterizedTest
        @EnumSource(value = PartnerTrack.class, names = {"OPEN", "SELECT", "DISTRIBUTOR"})
        void nonAlliancePartnerTrainingIsServedUnderItsNfrLicense(PartnerTrack track) {
            Person pat = aPartnerOnTrack(track).withSubscription(Plan.STARTER).withNfrLicense(Plan.ULTIMATE)
                    .withUser("pat");
            Form form = track == PartnerTrack.SELECT ? Form.SELECT_PARTNER : Form.OPEN_PARTNER;

            Entitlement decision = decide(aTicket(form).from(pat).withEngagement("partner_internal_training"));

            assertThat(decision.rule()).isEqualTo(Rule.ENT_5);
            assertThat(decision.scenario()).isEqualTo(Scenario.PARTNER_INTERNAL_TRAINING);
            assertThat(decision.requesterId()).isEqualTo(pat.userId());
            assertThat(decision.organizationId()).isEqualTo(organizationOf(pat).id());
            assertThat(decision.servedUnder())
                    .isEqualTo(ServedUnder.nfrLicense(organizationOf(pat), onlyNfrLicenseOf(pat)));
            assertThat(decision.supportLevel()).isEqualTo(SupportLevel.PRIORITY);
            assertThat(decision.flags()).isEmpty();
            assertThat(decision.publicReply()).isNull();
        }

        @Test
        void expiredNfrLicenseTellsPartnerHowToRequestOne() {
            Person sam = anOpenPartner().withExpiredNfrLicense(Plan.ULTIMATE).withUser("sam");

            Entitlement decision = decide(aTicket(Form.OPEN_PARTNER).from(sam).withEngagement("partner_internal_training"));

            assertThat(decision.rule()).isEqualTo(Rule.ENT_5);
            assertThat(decision.supportLevel()).isEqualTo(SupportLevel.NONE);
            assertThat(decision.servedUnder()).isEqualTo(ServedUnder.none());
            assertThat(decision.flags()).containsExactly(Flag.NO_ENTITLEMENT);
            assertThat(decision.publicReply()).contains("NFR request").contains("PO-3");
            assertTraced(decision, Rule.ENT_5, "is not valid on " + TODAY);
        }

        @Test
        void partnerWithoutAnyNfrLicenseIsToldHowToRequestOne() {
            Person pat = aSelectPartner().withUser("pat");

            Entitlement decision = decide(aTicket(Form.SELECT_PARTNER).from(pat).withEngagement("partner_internal_training"));

            assertThat(decision.flags()).containsExactly(Flag.NO_ENTITLEMENT);
            assertThat(decision.publicReply()).contains("NFR request");
            assertTraced(decision, Rule.ENT_5, "SelectCo holds no NFR license");
        }

        @Test
        void trainingIsNeverServedUnderThePartnersSubscription() {
            Person pat = aSelectPartner().withSubscription(Plan.ULTIMATE).withUser("pat");

            Entitlement decision = decide(aTicket(Form.SELECT_PARTNER).from(pat).withEngagement("partner_internal_training"));

            assertThat(decision.servedUnder().kind()).isNotEqualTo(Kind.SUBSCRIPTION);
            assertThat(decision.supportLevel()).isEqualTo(SupportLevel.NONE);
        }

        @Test
        void alliancePartnerAskingForNfrSupportGetsNone() {
            Person ali = anAlliancePartner().withNfrLicense(Plan.ULTIMATE).withUser("ali");

            Entitlement decision = decide(aTicket(Form.ALLIANCE_PARTNER).from(ali).withEngagement("partner_internal_training"));

            assertThat(decision.rule()).isEqualTo(Rule.ENT_5);
            assertThat(decision.supportLevel()).isEqualTo(SupportLevel.NONE);
            assertThat(decision.servedUnder()).isEqualTo(ServedUnder.none());
            assertThat(decision.flags()).containsExactly(Flag.NO_ENTITLEMENT);
            assertTraced(decision, Rule.ENT_5, "no technical support for NFR software issued to alliance partners");
        }
    }

    @Nested
    @DisplayName("ENT-6 Alliance partner handover [004]")
    class AllianceHandover {

        private final Person ali = anAlliancePartner().withUser("ali");

        private TicketBuilder allianceTicket() {
            return aTicket(Form.ALLIANCE_PARTNER).from(ali)
                    .withCustomerName("Umbrella Corp")
                    .withAllianceTicketId("ALLY-991")
                    .withSubject("Pipeline fails")
                    .withCcs("carol@umbrella.test");
        }

        @Test
        void allianceTicketIsServedAtL2L3WithPriority() {
            Entitlement decision = decide(allianceTicket());

            assertThat(decision.rule()).isEqualTo(Rule.ENT_6);
            assertThat(decision.scenario()).isEqualTo(Scenario.ALLIANCE_PARTNER_HANDOVER);
            assertThat(decision.requesterId()).isEqualTo(ali.userId());
            assertThat(decision.organizationId()).isEqualTo(organizationOf(ali).id());
            assertThat(decision.servedUnder()).isEqualTo(ServedUnder.allianceCollaboration(organizationOf(ali)));
            assertThat(decision.supportLevel()).isEqualTo(SupportLevel.PRIORITY);
            assertThat(decision.supportTier()).isEqualTo(SupportTier.L2_L3);
            assertThat(decision.flags()).isEmpty();
        }

        @Test
        void allianceSubjectNamesCustomerAndPartnerTicket() {
            Entitlement decision = decide(allianceTicket());

            assertThat(decision.subject()).isEqualTo("Umbrella Corp - ALLY-991 - Pipeline fails");
            assertTraced(decision, Rule.ENT_6, "subject named");
        }

        @Test
        void allianceSubjectIsNotDoubledOnReRun() {
            String named = decide(allianceTicket()).subject();

            Entitlement rerun = decide(allianceTicket().withSubject(named));

            assertThat(rerun.subject()).isEqualTo("Umbrella Corp - ALLY-991 - Pipeline fails");
        }

        @Test
        void subjectThePartnerAlreadyNamedIsKept() {
            Entitlement decision = decide(allianceTicket().withSubject("UMBRELLA CORP - ally-991 - Pipeline fails"));

            assertThat(decision.subject()).isEqualTo("UMBRELLA CORP - ally-991 - Pipeline fails");
        }

        @Test
        void correctedCustomerNameRenamesInsteadOfDoubling() {
            Entitlement decision = decide(allianceTicket().withCustomerName("Umbrella Corporation")
                    .withSubject("Umbrella Corp - ALLY-991 - Pipeline fails"));

            assertThat(decision.subject()).isEqualTo("Umbrella Corporation - ALLY-991 - Pipeline fails");
        }

        @Test
        void allianceTicketWithoutCustomerCcIsAcceptedAndFlagged() {
            Entitlement decision = decide(allianceTicket().withCcs());

            assertThat(decision.rule()).isEqualTo(Rule.ENT_6);
            assertThat(decision.supportLevel()).isEqualTo(SupportLevel.PRIORITY);
            assertThat(decision.flags()).containsExactly(Flag.CUSTOMER_CC_MISSING);
            assertTraced(decision, Rule.ENT_6, "no customer on the CCs");
        }

        @Test
        void partnerCcingOnlyItselfStillMissesTheCustomer() {
            Entitlement decision = decide(allianceTicket().withCcs("ALI@alliedcloud.test"));

            assertThat(decision.flags()).contains(Flag.CUSTOMER_CC_MISSING);
        }

        @Test
        void allianceTicketWithoutItsTicketIdKeepsSubjectAndAsks() {
            Entitlement decision = decide(allianceTicket().withAllianceTicketId(" "));

            assertThat(decision.rule()).isEqualTo(Rule.ENT_6);
            assertThat(decision.subject()).isEqualTo("Pipeline fails");
            assertThat(decision.supportLevel()).isEqualTo(SupportLevel.PRIORITY);
            assertThat(decision.flags()).containsExactly(Flag.CLARIFY);
            assertThat(decision.publicReply()).contains("Alliance partner ticket ID").doesNotContain("Customer Name");
            assertThat(decision.internalNote()).contains("Alliance partner ticket ID");
        }

        @ParameterizedTest
        @EnumSource(value = PartnerTrack.class, names = {"OPEN", "SELECT", "DISTRIBUTOR"})
        void nonAlliancePartnerOnAllianceFormIsAskedToClarify(PartnerTrack track) {
            Person pat = aPartnerOnTrack(track).withSubscription(Plan.ULTIMATE).withUser("pat");

            Entitlement decision = decide(allianceTicket().from(pat));

            assertThat(decision.rule()).isEqualTo(Rule.ENT_9);
            assertThat(decision.supportTier()).isEqualTo(SupportTier.STANDARD);
            assertThat(decision.subject()).isEqualTo("Pipeline fails");
            assertThat(decision.flags()).containsExactly(Flag.CLARIFY);
        }
    }

    @Nested
    @DisplayName("ENT-9 Doubt [000]")
    class WhenInDoubt {

        @Test
        void unknownEngagementIsAskedToClarify() {
            Person sam = anOpenPartner().withSubscription(Plan.ULTIMATE).withUser("sam");
            Person ann = aCustomer().withSubscription(Plan.ULTIMATE).withUser("ann");

            Entitlement decision = decide(aTicket(Form.OPEN_PARTNER).from(sam).forContact(ann)
                    .withEngagement("reselling_for_fun"));

            assertThat(decision.rule()).isEqualTo(Rule.ENT_9);
            assertThat(decision.scenario()).isEqualTo(Scenario.UNCLEAR);
            assertThat(decision.requesterId()).isEqualTo(sam.userId());
            assertThat(decision.organizationId()).isEqualTo(organizationOf(sam).id());
            assertThat(decision.servedUnder()).isEqualTo(ServedUnder.none());
            assertThat(decision.supportLevel()).isEqualTo(SupportLevel.NONE);
            assertThat(decision.flags()).containsExactly(Flag.CLARIFY);
            assertThat(decision.internalNote()).contains("'reselling_for_fun'");
            assertThat(decision.publicReply()).contains("under which situation");
            assertTraced(decision, Rule.ENT_9, "reselling_for_fun");
        }

        @ParameterizedTest
        @EnumSource(value = Form.class, names = {"OPEN_PARTNER", "SUPPORT"})
        void partnerWithoutTrackIsAskedToClarify(Form form) {
            Person tom = aPartnerWithoutTrack().withSubscription(Plan.PREMIUM).withUser("tom");

            Entitlement decision = decide(aTicket(form).from(tom));

            assertThat(decision.rule()).isEqualTo(Rule.ENT_9);
            assertThat(decision.organizationId()).isEqualTo(organizationOf(tom).id());
            assertThat(decision.supportLevel()).isEqualTo(SupportLevel.NONE);
            assertThat(decision.internalNote()).contains("TracklessCo has no partner track");
            assertThat(decision.publicReply()).contains("which partner program track");
        }

        @ParameterizedTest
        @EnumSource(value = Form.class, names = {"OPEN_PARTNER", "SELECT_PARTNER", "ALLIANCE_PARTNER"})
        void customerOnPartnerFormIsAskedToClarify(Form form) {
            Person ann = aCustomer().withSubscription(Plan.ULTIMATE).withUser("ann");

            Entitlement decision = decide(aTicket(form).from(ann).forContact(ann));

            assertThat(decision.rule()).isEqualTo(Rule.ENT_9);
            assertThat(decision.requesterId()).isEqualTo(ann.userId());
            assertThat(decision.organizationId()).isEqualTo(organizationOf(ann).id());
            assertThat(decision.servedUnder()).isEqualTo(ServedUnder.none());
            assertThat(decision.supportLevel()).isEqualTo(SupportLevel.NONE);
            assertThat(decision.internalNote()).contains("customer Acme").contains(form.title() + " form");
            assertThat(decision.publicReply()).contains("Support form");
        }

        @Test
        void userWithoutOrganizationOnPartnerFormIsAskedToClarify() {
            Person zoe = aUserWithoutOrganization("zoe");

            Entitlement decision = decide(aTicket(Form.OPEN_PARTNER).from(zoe));

            assertThat(decision.rule()).isEqualTo(Rule.ENT_9);
            assertThat(decision.organizationId()).isNull();
            assertThat(decision.internalNote()).contains("belongs to no organization");
        }

        @Test
        void staffOnPartnerFormIsAskedToClarify() {
            Person ida = ourOwnCompany().withUser("ida");

            Entitlement decision = decide(aTicket(Form.SELECT_PARTNER).from(ida));

            assertThat(decision.rule()).isEqualTo(Rule.ENT_9);
            assertThat(decision.internalNote()).contains("internal organization PartnerDesk");
        }
    }

    @Nested
    @DisplayName("ENT-10 Customers")
    class Customers {

        @Test
        void customerOnSupportFormIsServedUnderOwnSubscription() {
            Person ann = aCustomer().withSubscription(Plan.STARTER).withUser("ann");

            Entitlement decision = decide(aTicket(Form.SUPPORT).from(ann));

            assertThat(decision.rule()).isEqualTo(Rule.ENT_10);
            assertThat(decision.scenario()).isEqualTo(Scenario.CUSTOMER);
            assertThat(decision.requesterId()).isEqualTo(ann.userId());
            assertThat(decision.organizationId()).isEqualTo(organizationOf(ann).id());
            assertThat(decision.servedUnder())
                    .isEqualTo(ServedUnder.subscription(organizationOf(ann), onlySubscriptionOf(ann)));
            assertThat(decision.supportLevel()).isEqualTo(SupportLevel.STANDARD);
            assertThat(decision.subject()).isEqualTo("Pipeline fails");
            assertThat(decision.ccUserIds()).isEmpty();
            assertThat(decision.internalNote()).isNull();
            assertThat(decision.publicReply()).isNull();
        }

        @Test
        void customerWithoutOrganizationNeedsOrg() {
            Person zoe = aUserWithoutOrganization("zoe");

            Entitlement decision = decide(aTicket(Form.SUPPORT).from(zoe));

            assertThat(decision.rule()).isEqualTo(Rule.ENT_10);
            assertThat(decision.requesterId()).isEqualTo(zoe.userId());
            assertThat(decision.organizationId()).isNull();
            assertThat(decision.supportLevel()).isEqualTo(SupportLevel.NONE);
            assertThat(decision.flags()).containsExactly(Flag.NEEDS_ORG);
        }

        @Test
        void customerWithExpiredSubscriptionGetsNoEntitlement() {
            Person ann = aCustomer().withExpiredSubscription(Plan.PREMIUM).withUser("ann");

            Entitlement decision = decide(aTicket(Form.SUPPORT).from(ann));

            assertThat(decision.rule()).isEqualTo(Rule.ENT_10);
            assertThat(decision.organizationId()).isEqualTo(organizationOf(ann).id());
            assertThat(decision.supportLevel()).isEqualTo(SupportLevel.NONE);
            assertThat(decision.flags()).containsExactly(Flag.NO_ENTITLEMENT);
        }

        @Test
        void staffOnSupportFormHaveNoEntitlementOfTheirOwn() {
            Person ida = ourOwnCompany().withUser("ida");

            Entitlement decision = decide(aTicket(Form.SUPPORT).from(ida));

            assertThat(decision.rule()).isEqualTo(Rule.ENT_10);
            assertThat(decision.organizationId()).isEqualTo(organizationOf(ida).id());
            assertThat(decision.flags()).containsExactly(Flag.NO_ENTITLEMENT);
        }

        @ParameterizedTest
        @EnumSource(value = Form.class, names = {"LICENSING_RENEWALS", "PARTNER_OPERATIONS", "OTHER"})
        void otherFormsAreDecidedOnTheSubmittersOwnAccount(Form form) {
            Person ann = aCustomer().withSubscription(Plan.ULTIMATE).withUser("ann");

            Entitlement decision = decide(aTicket(form).from(ann).withEngagement("on_behalf_of_customer"));

            assertThat(decision.rule()).isEqualTo(Rule.ENT_10);
            assertThat(decision.supportLevel()).isEqualTo(SupportLevel.PRIORITY);
            assertTraced(decision, Rule.ENT_10, form.title() + " form");
        }
    }
}
