package org.partnerdesk.partnerops;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.partnerdesk.directory.PartnerTrack;

/**
 * PO-3 [003]: whether a partner may have the NFR users it asks for, requirement by requirement, each with the fact
 * that decided it and, when missing, how to meet it. Pure: the facts in, the decision out, like the entitlement trace.
 */
public record NfrEligibility(List<Requirement> requirements) {

    public static final String PARTNER_TRACK = "partner_track";
    public static final String GOOD_STANDING = "good_standing";
    public static final String CERTIFICATION = "certification";
    public static final String USER_ALLOWANCE = "user_allowance";

    public NfrEligibility {
        requirements = List.copyOf(requirements);
    }

    /** One requirement of the NFR policy as it stood for this partner. */
    public record Requirement(String code, boolean met, String fact, @Nullable String howToMeet) {
    }

    /** What the decision looks at: the partner as the directory holds it, its valid certifications, and the users. */
    public record Facts(String partnerName, @Nullable PartnerTrack track, boolean compliant, List<Certification> certifications,
                        int requestedUsers, int heldUsers) {
        public Facts {
            certifications = List.copyOf(certifications);
        }
    }

    public boolean isEligible() {
        return requirements.stream().allMatch(Requirement::met);
    }

    public List<Requirement> missing() {
        return requirements.stream().filter(r -> !r.met()).toList();
    }

    public static NfrEligibility decide(Facts facts, NfrPolicy policy) {
        List<Requirement> requirements = new ArrayList<>();
        requirements.add(track(facts, policy));
        requirements.add(goodStanding(facts, policy));
        requirements.add(certification(facts));
        requirements.add(userAllowance(facts, policy));
        return new NfrEligibility(requirements);
    }

    // DOMAIN-FACTS: NFR licenses go to Open and Select partners, and 10 users to alliance (technology) partners
    private static Requirement track(Facts facts, NfrPolicy policy) {
        String on = facts.track() == null ? facts.partnerName() + " has no partner track"
                : facts.partnerName() + " is on the " + facts.track().code() + " track";
        if (policy.allowance(facts.track()).isPresent()) {
            return new Requirement(PARTNER_TRACK, true, on + ", which has an NFR allowance", null);
        }
        return new Requirement(PARTNER_TRACK, false, on + ", which has no NFR allowance",
                "NFR licenses are for Open, Select and Alliance partners: join one of those tracks, or buy licenses for"
                        + " your own use through Sales.");
    }

    // PO-3, PO-4: the partner must be in good standing with its track's requirements (DIR-1 track_compliant)
    private static Requirement goodStanding(Facts facts, NfrPolicy policy) {
        if (facts.compliant()) {
            return new Requirement(GOOD_STANDING, true, facts.partnerName() + " is in good standing with its track's requirements", null);
        }
        String needs = policy.requirementsOf(facts.track())
                .map(r -> " The " + facts.track().code() + " track asks for " + r.salesCertified() + " sales-certified, "
                        + r.solutionArchitects() + " solution-architect-certified and " + r.professionalServicesEngineers()
                        + " professional-services-certified employees; you hold " + count(facts, CertificationKind.SALES_CORE)
                        + ", " + count(facts, CertificationKind.SOLUTION_ARCHITECT) + " and "
                        + count(facts, CertificationKind.PROFESSIONAL_SERVICES_ENGINEER) + ".")
                .orElse("");
        return new Requirement(GOOD_STANDING, false, facts.partnerName() + " is not compliant with its track's requirements",
                "Meet your track's requirements and ask Partner Operations to confirm your good standing." + needs);
    }

    // DOMAIN-FACTS "NFR licenses": at least one employee certified as Solution Architect or Professional Services Engineer
    private static Requirement certification(Facts facts) {
        if (facts.track() == PartnerTrack.ALLIANCE) {
            return new Requirement(CERTIFICATION, true, "alliance partners need no certification for NFR licenses", null);
        }
        Optional<Certification> qualifying = facts.certifications().stream().filter(c -> c.kind().qualifiesForNfr()).findFirst();
        if (qualifying.isPresent()) {
            Certification c = qualifying.get();
            return new Requirement(CERTIFICATION, true, "an employee (user " + c.userId() + ") is certified as "
                    + c.kind().title() + " since " + c.passedOn(), null);
        }
        return new Requirement(CERTIFICATION, false, "no employee of " + facts.partnerName()
                + " holds a valid Solution Architect or Professional Services Engineer certification",
                "Have at least one employee pass the Solution Architect or the Professional Services Engineer certification;"
                        + " Partner Operations records it in your certification register (GET /api/v2/certifications?organization_id="
                        + "YOUR_ORGANIZATION_ID shows it).");
    }

    // PO-3: the users asked for, with those already held or awaiting fulfilment, stay within the track's allowance
    private static Requirement userAllowance(Facts facts, NfrPolicy policy) {
        Optional<Integer> allowance = policy.allowance(facts.track());
        int total = facts.requestedUsers() + facts.heldUsers();
        String asked = facts.requestedUsers() + " users asked for" + (facts.heldUsers() == 0 ? ""
                : " and " + facts.heldUsers() + " already held or awaiting fulfilment");
        if (allowance.isEmpty()) {
            return new Requirement(USER_ALLOWANCE, false, asked + "; the track has no NFR allowance",
                    "Only Open, Select and Alliance partners have NFR users.");
        }
        if (total <= allowance.get()) {
            return new Requirement(USER_ALLOWANCE, true, asked + ": within the " + facts.track().code() + " track's "
                    + allowance.get() + " NFR users", null);
        }
        int left = Math.max(0, allowance.get() - facts.heldUsers());
        // PO-4: a Channel Manager files the exception (POST /api/v2/nfr_exceptions, naming this request) for the directors
        String filed = ": they file it with POST /api/v2/nfr_exceptions naming this request and your business justification.";
        String howToMeet = left == 0
                ? facts.partnerName() + " holds all " + allowance.get() + " NFR users its " + title(facts.track()) + " track allows;"
                        + " ask a Channel Manager for an exception (PO-4)" + filed
                : "Ask for at most " + left + " users, or ask a Channel Manager for an NFR exception (PO-4)" + filed;
        return new Requirement(USER_ALLOWANCE, false, asked + ": more than the " + facts.track().code() + " track's "
                + allowance.get() + " NFR users", howToMeet);
    }

    private static String title(@Nullable PartnerTrack track) {
        String code = track == null ? "no" : track.code();
        return Character.toUpperCase(code.charAt(0)) + code.substring(1);
    }

    private static long count(Facts facts, CertificationKind kind) {
        return facts.certifications().stream().filter(c -> c.kind() == kind).map(Certification::userId).distinct().count();
    }
}
