package org.partnerdesk.ticket.web;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.partnerdesk.entitlement.Entitlement;
import org.partnerdesk.entitlement.Flag;
import org.partnerdesk.entitlement.ServedUnder;

/** The SPEC 7 entitlement shape: rule, scenario, served_under, support level and tier, flags, trace. */
record EntitlementJson(String rule, String scenario, ServedUnderJson servedUnder, String supportLevel, String supportTier,
                       List<String> flags, List<TraceJson> trace) {

    /** The subscription or NFR license (id, plan) or the program the ticket is served under. */
    record ServedUnderJson(String kind, @Nullable Long id, @Nullable Long organizationId, @Nullable String plan) {
        static ServedUnderJson of(ServedUnder s) {
            return new ServedUnderJson(s.kind().code(), s.id(), s.organizationId(), s.plan() == null ? null : s.plan().code());
        }
    }

    /** One fact on the way to the decision and the rule that weighed it. */
    record TraceJson(String rule, String fact) {
    }

    static EntitlementJson of(Entitlement e) {
        return new EntitlementJson(e.rule().id(), e.scenario().code(), ServedUnderJson.of(e.servedUnder()),
                e.supportLevel().code(), e.supportTier().code(), e.flags().stream().map(Flag::code).toList(),
                e.trace().stream().map(t -> new TraceJson(t.rule().id(), t.fact())).toList());
    }
}
