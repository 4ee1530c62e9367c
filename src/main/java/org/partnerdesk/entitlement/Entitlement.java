package org.partnerdesk.entitlement;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The entitlement decision for one ticket: which rule decided it, in which scenario, who the requester
 * and organization are, what it is served under, and the trace of facts that led there.
 *
 * @param ccUserIds    users the decision adds to the CCs (the partner, ENT-1/ENT-2)
 * @param subject      the subject to store (ENT-6 names alliance tickets; otherwise the ticket's own)
 * @param internalNote what an agent must know, posted as an internal note (ENT-9, ENT-6); null when nothing
 * @param publicReply  what the submitter must be asked or told (the ENT-9 question, how to get an NFR license); null when nothing
 */
public record Entitlement(
        Rule rule,
        Scenario scenario,
        long requesterId,
        @Nullable Long organizationId,
        List<Long> ccUserIds,
        String subject,
        ServedUnder servedUnder,
        SupportLevel supportLevel,
        SupportTier supportTier,
        Set<Flag> flags,
        List<TraceEntry> trace,
        @Nullable String internalNote,
        @Nullable String publicReply) {

    public Entitlement {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(scenario, "scenario");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(servedUnder, "servedUnder");
        Objects.requireNonNull(supportLevel, "supportLevel");
        Objects.requireNonNull(supportTier, "supportTier");
        ccUserIds = List.copyOf(ccUserIds);
        // EnumSet keeps the flags in declaration order, so the API lists them the same way every time.
        flags = Collections.unmodifiableSet(flags.isEmpty() ? EnumSet.noneOf(Flag.class) : EnumSet.copyOf(flags));
        trace = List.copyOf(trace);
    }

    public boolean hasFlag(Flag flag) {
        return flags.contains(flag);
    }

    static Builder of(Rule rule, Scenario scenario) {
        return new Builder(rule, scenario);
    }

    /**
     * Collects a decision in the order the rule reasons: {@link #trace} records the facts on the way,
     * {@link #because} the concluding fact, and returns the decision.
     */
    static final class Builder {
        private final Rule rule;
        private final Scenario scenario;
        private @Nullable Person requester;
        private @Nullable Organization organization;
        private final Set<Long> ccUserIds = new LinkedHashSet<>();
        private @Nullable String subject;
        private @Nullable ServedUnder servedUnder;
        private @Nullable SupportLevel supportLevel;
        private SupportTier supportTier = SupportTier.STANDARD;
        private final Set<Flag> flags = EnumSet.noneOf(Flag.class);
        private final List<TraceEntry> trace = new ArrayList<>();
        private @Nullable String internalNote;
        private @Nullable String publicReply;

        private Builder(Rule rule, Scenario scenario) {
            this.rule = Objects.requireNonNull(rule, "rule");
            this.scenario = Objects.requireNonNull(scenario, "scenario");
        }

        Builder requester(Person requester) {
            this.requester = requester;
            return this;
        }

        Builder organization(@Nullable Organization organization) {
            this.organization = organization;
            return this;
        }

        /** Says so in the rule's code; a builder starts without an organization anyway. */
        Builder withoutOrganization() {
            this.organization = null;
            return this;
        }

        Builder cc(Person person) {
            ccUserIds.add(person.userId());
            return this;
        }

        Builder subject(String subject) {
            this.subject = subject;
            return this;
        }

        Builder servedUnder(ServedUnder servedUnder) {
            this.servedUnder = servedUnder;
            return this;
        }

        Builder supportLevel(SupportLevel supportLevel) {
            this.supportLevel = supportLevel;
            return this;
        }

        Builder supportTier(SupportTier supportTier) {
            this.supportTier = supportTier;
            return this;
        }

        Builder flag(Flag flag) {
            flags.add(flag);
            return this;
        }

        Builder internalNote(String internalNote) {
            this.internalNote = internalNote;
            return this;
        }

        Builder publicReply(String publicReply) {
            this.publicReply = publicReply;
            return this;
        }

        /** A fact on the way, under the decision's own rule. */
        Builder trace(String fact) {
            return trace(rule, fact);
        }

        /** A fact on the way, under another rule that was applied (the rule tried before ENT-7, say). */
        Builder trace(Rule applied, String fact) {
            trace.add(new TraceEntry(applied, fact));
            return this;
        }

        /** The concluding fact, under the decision's rule; requester, subject, served under and level must be set. */
        Entitlement because(String fact) {
            trace(fact);
            // A rule that forgets a part fails loudly here instead of serving a ticket under a default.
            Person decidedRequester = Objects.requireNonNull(requester, () -> rule.id() + " set no requester");
            return new Entitlement(
                    rule,
                    scenario,
                    decidedRequester.userId(),
                    organization == null ? null : organization.id(),
                    List.copyOf(ccUserIds),
                    Objects.requireNonNull(subject, () -> rule.id() + " set no subject"),
                    Objects.requireNonNull(servedUnder, () -> rule.id() + " set nothing to serve under"),
                    Objects.requireNonNull(supportLevel, () -> rule.id() + " set no support level"),
                    supportTier,
                    flags,
                    trace,
                    internalNote,
                    publicReply);
        }
    }
}
