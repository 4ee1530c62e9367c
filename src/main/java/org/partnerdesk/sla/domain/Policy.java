package org.partnerdesk.sla.domain;

import org.jspecify.annotations.Nullable;

/** The one SLA policy that applies to a ticket (DOMAIN-FACTS: "the first that matches"), with its two targets. */
public record Policy(String name, String supportLevel, @Nullable String priority, Target firstReply, Target nextReply) {

    public Target target(Metric metric) {
        return metric == Metric.FIRST_REPLY_TIME ? firstReply : nextReply;
    }
}
