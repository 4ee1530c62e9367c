package org.partnerdesk.ticket.ui;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.partnerdesk.entitlement.Entitlement;
import org.partnerdesk.entitlement.Flag;
import org.partnerdesk.entitlement.Plan;
import org.partnerdesk.entitlement.ServedUnder;
import org.partnerdesk.entitlement.SupportLevel;
import org.partnerdesk.entitlement.SupportTier;
import org.partnerdesk.sla.ReplyTarget;
import org.partnerdesk.ticket.TicketPreview;

/**
 * Issue #15: the dry-run decision as the person filing reads it, in plain words: "This request will be served under Acme
 * Corp's Premium subscription: Priority support, first reply within 30 minutes for urgent", or what is missing.
 */
final class PreviewInWords {

    /** The preview region's content; {@code refusal} instead of the rest when the request could not be filed as it is. */
    record Preview(String headline, List<Fact> facts, List<String> missing, @Nullable String suggestedEmail, List<String> advice,
                   List<TraceInWords.Sentence> trace, @Nullable String refusal) {

        static Preview refused(String why) {
            return new Preview("", List.of(), List.of(), null, List.of(), List.of(), why);
        }
    }

    /** One line of the preview's facts. */
    record Fact(String label, String value) {
    }

    private PreviewInWords() {
    }

    static Preview of(TicketPreview p, String organizationEmail) {
        Entitlement e = p.entitlement();
        List<Fact> facts = new ArrayList<>();
        facts.add(new Fact("Requester", p.requesterEmail()));
        facts.add(new Fact("Organization", p.organizationName() == null ? "None yet" : p.organizationName()));
        facts.add(new Fact("Support level", level(e.supportLevel()) + (e.supportTier() == SupportTier.L2_L3 ? ", second and third level (L2/L3)" : "")));
        facts.add(new Fact("First reply", p.firstReply() == null ? "No reply target" : reply(p.firstReply())));
        List<String> missing = p.missing().stream().filter(m -> !m.flag().equals(Flag.NEEDS_ORG.code()) || p.didYouMean() == null)
                .map(TicketPreview.Missing::description).toList();
        return new Preview(headline(p, organizationEmail), facts, missing, p.didYouMean() == null ? null : p.didYouMean().email(),
                p.advice(), TraceInWords.of(e.trace()), null);
    }

    private static String headline(TicketPreview p, String organizationEmail) {
        Entitlement e = p.entitlement();
        String owner = p.servedUnderOrganizationName() == null ? "your organization" : p.servedUnderOrganizationName();
        ServedUnder served = e.servedUnder();
        String terms = level(e.supportLevel()) + (p.firstReply() == null ? "" : ", first reply " + reply(p.firstReply()));
        return switch (served.kind()) {
            case SUBSCRIPTION -> "This request will be served under " + owner + "'s " + plan(served.plan()) + " subscription: " + terms + ".";
            case NFR_LICENSE -> "This request will be served under " + owner + "'s NFR license (" + plan(served.plan()) + "): " + terms + ".";
            case PARTNER_PROGRAM -> "This request will be served under " + owner + "'s partner programme: " + terms + ".";
            case ALLIANCE_COLLABORATION -> "This request will be served under the alliance collaboration with " + owner + ": " + terms
                    + ", at second and third level.";
            case NONE -> withoutTerms(p, organizationEmail);
        };
    }

    // ENT-7, ENT-10, ENT-9, no_entitlement: what stands between the request and a reply target
    private static String withoutTerms(TicketPreview p, String organizationEmail) {
        Entitlement e = p.entitlement();
        if (e.hasFlag(Flag.NEEDS_ORG)) {
            String typed = organizationEmail.strip();
            if (p.didYouMean() != null) {
                return "We could not find an organization for " + p.didYouMean().typed() + " — did you mean " + p.didYouMean().suggested() + "?";
            }
            if (typed.contains("@")) {
                return "We could not find " + typed.substring(typed.lastIndexOf('@') + 1) + "'s organization: our team will confirm it."
                        + " Until then the request has no reply target.";
            }
            if (typed.isEmpty() && e.trace().stream().anyMatch(t -> t.fact().contains("Organization Email (partners) is empty"))) {
                return "Give the customer contact's e-mail in Organization Email (partners): without it the request stays with you,"
                        + " with no organization and no reply target.";
            }
            return "We could not find your organization: our team will place you in one. Until then the request has no reply target.";
        }
        if (e.hasFlag(Flag.CLARIFY)) {
            return "We will ask you a question before we can say how this request is served.";
        }
        String owner = p.servedUnderOrganizationName() != null ? p.servedUnderOrganizationName()
                : p.organizationName() != null ? p.organizationName() : "Your organization";
        return owner + " has nothing active and paid to serve this request under: it will be read, with no reply target.";
    }

    /** "within 30 minutes for urgent", "within 24 business hours". */
    static String reply(ReplyTarget target) {
        long minutes = target.minutes();
        String span = minutes % 60 == 0
                ? minutes / 60 + (target.businessHours() ? " business hour" : " hour") + (minutes == 60 ? "" : "s")
                : minutes + " minutes";
        boolean byPriority = target.policy().startsWith("priority support") && target.priority() != null;
        return "within " + span + (byPriority ? " for " + target.priority() : "");
    }

    private static String level(SupportLevel level) {
        return switch (level) {
            case PRIORITY -> "Priority support";
            case STANDARD -> "Standard support";
            case NONE -> "No support level";
        };
    }

    private static String plan(@Nullable Plan plan) {
        String code = plan == null ? "unknown" : plan.code();
        return Character.toUpperCase(code.charAt(0)) + code.substring(1);
    }
}
