package org.partnerdesk.ticket.ui;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.partnerdesk.entitlement.Flag;
import org.partnerdesk.entitlement.Rule;
import org.partnerdesk.entitlement.TraceEntry;

/**
 * SPEC 2 "the trace is shown to agents": each step of a decision as one plain sentence with its rule id beside it, led by
 * the rule's headline from the handbook (docs/rules.md) the first time that rule appears.
 */
final class TraceInWords {

    /** One step, in words. */
    record Sentence(String rule, String text) {
    }

    /** A flag's code with what it means for the agent. */
    record FlagInWords(String code, String label, String meaning) {
    }

    // the codes the policy writes into its facts, as a support lead would say them
    private static final Map<String, String> CODES = Map.of(
            "on_behalf_of_customer", "on behalf of a customer",
            "services_engagement", "services engagement",
            "partner_commercial_work", "the partner's own commercial work",
            "partner_internal_training", "internal training and testing");

    private TraceInWords() {
    }

    static List<Sentence> of(List<TraceEntry> trace) {
        Set<Rule> named = EnumSet.noneOf(Rule.class);
        List<Sentence> sentences = new ArrayList<>();
        for (TraceEntry entry : trace) {
            // the fact keeps its own first letter after the headline ("...: served under", "...: Organization Email")
            String text = named.add(entry.rule()) ? title(entry.rule()) + ": " + ended(words(entry.fact())) : capitalized(words(entry.fact()));
            sentences.add(new Sentence(entry.rule().id(), text));
        }
        return sentences;
    }

    /** The rule's headline in docs/rules.md. */
    static String title(Rule rule) {
        return switch (rule) {
            case ENT_1 -> "An Open partner on behalf of a customer";
            case ENT_2 -> "An Open partner's services engagement";
            case ENT_3 -> "A Select partner is the go-between";
            case ENT_4 -> "A partner's own commercial work";
            case ENT_5 -> "Partner training and testing run on the NFR license";
            case ENT_6 -> "Alliance partners collaborate at L2/L3";
            case ENT_7 -> "An unknown customer contact is not guessed";
            case ENT_8 -> "Correcting a ticket re-runs the decision";
            case ENT_9 -> "When in doubt, ask";
            case ENT_10 -> "Customers are served under their own subscription";
            case PO_7 -> "Post-sales changes come from the partner on the sale";
        };
    }

    static FlagInWords flag(Flag flag) {
        return switch (flag) {
            case NEEDS_ORG -> new FlagInWords(flag.code(), "Needs organization",
                    "no organization, so no SLA, until the requester is corrected (ENT-8)");
            case NO_ENTITLEMENT -> new FlagInWords(flag.code(), "No entitlement", "nothing active and paid to serve the ticket under");
            case CLARIFY -> new FlagInWords(flag.code(), "Asked to clarify", "the submitter has been asked what is unclear (ENT-9)");
            case CUSTOMER_CC_MISSING -> new FlagInWords(flag.code(), "Customer not on CC",
                    "the alliance partner put no customer on the CCs (ENT-6)");
        };
    }

    private static String words(String fact) {
        String words = fact.strip();
        for (var code : CODES.entrySet()) {
            words = words.replace(code.getKey(), code.getValue());
        }
        return words;
    }

    private static String capitalized(String words) {
        return words.isEmpty() ? words : ended(Character.toUpperCase(words.charAt(0)) + words.substring(1));
    }

    private static String ended(String words) {
        return words.endsWith(".") ? words : words + ".";
    }
}
