package org.partnerdesk.ticket.persistence;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.partnerdesk.entitlement.Entitlement;
import org.partnerdesk.entitlement.Flag;
import org.partnerdesk.entitlement.Plan;
import org.partnerdesk.entitlement.Rule;
import org.partnerdesk.entitlement.Scenario;
import org.partnerdesk.entitlement.ServedUnder;
import org.partnerdesk.entitlement.SupportLevel;
import org.partnerdesk.entitlement.SupportTier;
import org.partnerdesk.entitlement.TraceEntry;
import org.partnerdesk.ticket.Ticket.StoredDecision;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Keeps a decision in the ticket's {@code entitlement} JSONB column, in the shape the API serves. */
@Component
public class DecisionCodec {

    private final JsonMapper json;

    DecisionCodec(JsonMapper json) {
        this.json = json;
    }

    public String write(StoredDecision decision) {
        Entitlement e = decision.entitlement();
        Map<String, Object> out = new LinkedHashMap<>(shape(e));
        out.put("requester_id", e.requesterId());
        out.put("organization_id", e.organizationId());
        out.put("cc_user_ids", e.ccUserIds());
        out.put("subject", e.subject());
        out.put("internal_note", e.internalNote());
        out.put("public_reply", e.publicReply());
        out.put("decided_for_id", decision.decidedForId());
        return json.writeValueAsString(out);
    }

    /** The SPEC 7 entitlement shape: rule, scenario, served_under, support level and tier, flags, trace. */
    public static Map<String, Object> shape(Entitlement e) {
        Map<String, Object> servedUnder = new LinkedHashMap<>();
        servedUnder.put("kind", e.servedUnder().kind().code());
        servedUnder.put("id", e.servedUnder().id());
        servedUnder.put("organization_id", e.servedUnder().organizationId());
        servedUnder.put("plan", e.servedUnder().plan() == null ? null : e.servedUnder().plan().code());
        List<Map<String, String>> trace = e.trace().stream()
                .map(t -> Map.of("rule", t.rule().id(), "fact", t.fact())).toList();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("rule", e.rule().id());
        out.put("scenario", e.scenario().code());
        out.put("served_under", servedUnder);
        out.put("support_level", e.supportLevel().code());
        out.put("support_tier", e.supportTier().code());
        out.put("flags", e.flags().stream().map(Flag::code).toList());
        out.put("trace", trace);
        return out;
    }

    public StoredDecision read(String text) {
        JsonNode node = json.readTree(text);
        JsonNode served = node.get("served_under");
        Set<Flag> flags = EnumSet.noneOf(Flag.class);
        node.get("flags").forEach(f -> flags.add(constant(Flag.class, f.stringValue())));
        List<TraceEntry> trace = new ArrayList<>();
        node.get("trace").forEach(t -> trace.add(new TraceEntry(rule(t.get("rule").stringValue()), t.get("fact").stringValue())));
        List<Long> ccs = new ArrayList<>();
        node.get("cc_user_ids").forEach(id -> ccs.add(id.longValue()));
        Entitlement entitlement = new Entitlement(rule(node.get("rule").stringValue()),
                constant(Scenario.class, node.get("scenario").stringValue()),
                node.get("requester_id").longValue(), optionalLong(node.get("organization_id")), ccs,
                node.get("subject").stringValue(),
                new ServedUnder(constant(ServedUnder.Kind.class, served.get("kind").stringValue()),
                        optionalLong(served.get("id")), optionalLong(served.get("organization_id")),
                        served.get("plan").isNull() ? null : constant(Plan.class, served.get("plan").stringValue())),
                constant(SupportLevel.class, node.get("support_level").stringValue()),
                constant(SupportTier.class, node.get("support_tier").stringValue()),
                flags, trace, optionalText(node.get("internal_note")), optionalText(node.get("public_reply")));
        return new StoredDecision(entitlement, node.get("decided_for_id").longValue());
    }

    private static Rule rule(String id) {
        return Rule.valueOf(id.replace('-', '_'));
    }

    private static <E extends Enum<E>> E constant(Class<E> type, String code) {
        return Enum.valueOf(type, code.toUpperCase(Locale.ROOT));
    }

    private static @Nullable Long optionalLong(@Nullable JsonNode node) {
        return node == null || node.isNull() ? null : node.longValue();
    }

    private static @Nullable String optionalText(@Nullable JsonNode node) {
        return node == null || node.isNull() ? null : node.stringValue();
    }
}
