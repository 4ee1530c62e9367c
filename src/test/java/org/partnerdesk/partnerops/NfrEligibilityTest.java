package org.partnerdesk.partnerops;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.partnerdesk.directory.PartnerTrack;

/** PO-3, DOMAIN-FACTS "NFR licenses": the eligibility rule alone, requirement by requirement. */
class NfrEligibilityTest {

    private static final NfrPolicy POLICY = NfrPolicy.defaults();
    private static final LocalDate DAY = LocalDate.of(2026, 5, 4);

    @Test
    void aCompliantOpenPartnerWithASolutionArchitectMayHoldTenUsers() {
        NfrEligibility decided = decide(PartnerTrack.OPEN, true, List.of(cert(CertificationKind.SOLUTION_ARCHITECT)), 10, 0);

        assertThat(decided.isEligible()).isTrue();
        assertThat(decided.requirements()).extracting(NfrEligibility.Requirement::code)
                .containsExactly("partner_track", "good_standing", "certification", "user_allowance");
        assertThat(decided.requirements()).allMatch(r -> r.howToMeet() == null);
    }

    @Test
    void everyMissingRequirementSaysHowToMeetIt() {
        NfrEligibility decided = decide(PartnerTrack.SELECT, false, List.of(cert(CertificationKind.SALES_CORE)), 20, 10);

        assertThat(decided.missing()).extracting(NfrEligibility.Requirement::code)
                .containsExactly("good_standing", "certification", "user_allowance");
        assertThat(decided.missing()).allMatch(r -> r.howToMeet() != null && !r.howToMeet().isBlank());
        assertThat(decided.missing().getFirst().howToMeet()).contains("4 sales-certified", "you hold 1, 0 and 0");
        assertThat(decided.missing().getLast().howToMeet()).contains("at most 15 users");
    }

    @Test // issue #12: not "ask for at most 0 users"
    void anExhaustedAllowanceSaysSoAndPointsToAnExceptionNotToAPortal() {
        NfrEligibility decided = decide(PartnerTrack.OPEN, true, List.of(cert(CertificationKind.SOLUTION_ARCHITECT)), 5, 10);

        String howToMeet = decided.missing().getLast().howToMeet();
        assertThat(howToMeet).startsWith("ResellCo holds all 10 NFR users its Open track allows; ask a Channel Manager for an"
                + " exception (PO-4)").contains("POST /api/v2/nfr_exceptions").doesNotContain("at most 0");
        NfrEligibility uncertified = decide(PartnerTrack.OPEN, true, List.of(), 1, 0);
        assertThat(uncertified.missing().getLast().howToMeet()).doesNotContain("partner portal").contains("/api/v2/certifications");
    }

    @Test
    void distributorsHaveNoNfrAllowance() {
        NfrEligibility decided = decide(PartnerTrack.DISTRIBUTOR, true, List.of(cert(CertificationKind.PROFESSIONAL_SERVICES_ENGINEER)), 1, 0);

        assertThat(decided.missing()).extracting(NfrEligibility.Requirement::code).containsExactly("partner_track", "user_allowance");
    }

    @Test
    void alliancePartnersMayHoldTenUsersWithoutCertification() {
        assertThat(decide(PartnerTrack.ALLIANCE, true, List.of(), 10, 0).isEligible()).isTrue();
        assertThat(decide(PartnerTrack.ALLIANCE, true, List.of(), 11, 0).isEligible()).isFalse();
    }

    private static NfrEligibility decide(PartnerTrack track, boolean compliant, List<Certification> certifications, int users, int held) {
        return NfrEligibility.decide(new NfrEligibility.Facts("ResellCo", track, compliant, certifications, users, held), POLICY);
    }

    private static Certification cert(CertificationKind kind) {
        return new Certification(1, 2, 3, kind, DAY.minusYears(1), null, null, Instant.EPOCH);
    }
}
