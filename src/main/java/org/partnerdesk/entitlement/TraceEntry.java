package org.partnerdesk.entitlement;

import java.util.Objects;

/** One step of a decision: the rule applied and the fact that made it apply, in words an agent can check. */
public record TraceEntry(Rule rule, String fact) {

    public TraceEntry {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(fact, "fact");
    }
}
