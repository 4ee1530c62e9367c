package org.partnerdesk.sla.domain;

import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * TKT-4 targets by support level and priority (DOMAIN-FACTS "Plans and support levels", "Priority support targets"):
 * priority support by priority, standard support one target whatever the priority, no support level no SLA.
 * The numbers are settings; this class only picks.
 */
public record SlaTargets(Map<String, PriorityTargets> priority, PriorityTargets standard, PriorityTargets licensing,
                         String unsetPriority) {

    /** DOMAIN-FACTS: licensing and renewal questions get their first reply within 8 business hours on every plan. */
    public static final String LICENSING_POLICY = "licensing and renewals";

    /** First and next reply for one row of the table. */
    public record PriorityTargets(Target firstReply, Target nextReply) {
    }

    public SlaTargets {
        priority = Map.copyOf(priority);
        if (!priority.containsKey(unsetPriority)) {
            throw new IllegalArgumentException("the priority assumed when none is set (" + unsetPriority + ") has no targets");
        }
    }

    /**
     * The policy for a support level ({@code priority|standard|none}) and a priority. A priority-support ticket without
     * a priority is served as {@link #unsetPriority} ({@code normal} by default): the submitter gave no severity, and
     * severity 3 is the medium-impact default.
     */
    public Optional<Policy> policyFor(String supportLevel, @Nullable String ticketPriority) {
        return policyFor(supportLevel, ticketPriority, false);
    }

    /** Only one policy applies, the first that matches: a licensing question's, whatever the plan, before the plan's. */
    public Optional<Policy> policyFor(String supportLevel, @Nullable String ticketPriority, boolean licensingQuestion) {
        if (licensingQuestion) {
            return Optional.of(new Policy(LICENSING_POLICY, supportLevel, ticketPriority, licensing.firstReply(), licensing.nextReply()));
        }
        return switch (supportLevel) {
            case "priority" -> {
                String served = ticketPriority != null && priority.containsKey(ticketPriority) ? ticketPriority : unsetPriority;
                PriorityTargets t = priority.get(served);
                yield Optional.of(new Policy("priority support, " + served, supportLevel, served, t.firstReply(), t.nextReply()));
            }
            case "standard" -> Optional.of(new Policy("standard support", supportLevel, ticketPriority,
                    standard.firstReply(), standard.nextReply()));
            default -> Optional.empty();
        };
    }

    public static boolean isLicensing(String policyName) {
        return LICENSING_POLICY.equals(policyName);
    }
}
