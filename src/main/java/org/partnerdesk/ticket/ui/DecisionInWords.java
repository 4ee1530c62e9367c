package org.partnerdesk.ticket.ui;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.partnerdesk.directory.Organization;
import org.partnerdesk.directory.Organizations;
import org.partnerdesk.directory.User;
import org.partnerdesk.directory.Users;
import org.partnerdesk.entitlement.Entitlement;
import org.partnerdesk.entitlement.Plan;
import org.partnerdesk.entitlement.ServedUnder;
import org.partnerdesk.entitlement.SupportTier;
import org.springframework.stereotype.Component;

/** SPEC 2: an entitlement decision as an agent reads it on the card and in the correction's side-by-side (ENT-8). */
@Component
class DecisionInWords {

    /** What the card shows; every value is already words. */
    record Decision(String rule, String ruleTitle, String requester, String organization, String servedUnder,
                    String supportLevel, String tier, List<TraceInWords.FlagInWords> flags, List<TraceInWords.Sentence> trace) {
    }

    private final Organizations organizations;
    private final Users users;

    DecisionInWords(Organizations organizations, Users users) {
        this.organizations = organizations;
        this.users = users;
    }

    Decision describe(Entitlement e) {
        // the ticket's and the served-under organization are usually one: a single query for both
        List<Long> ids = Stream.of(e.organizationId(), e.servedUnder().organizationId()).filter(id -> id != null).distinct().toList();
        Map<Long, Organization> named = ids.isEmpty() ? Map.of()
                : organizations.findAll(ids).stream().collect(Collectors.toMap(Organization::id, Function.identity()));
        String requester = users.find(e.requesterId()).map(DecisionInWords::person).orElse("user #" + e.requesterId());
        String organization = e.organizationId() == null ? "None" : name(named, e.organizationId());
        return new Decision(e.rule().id(), TraceInWords.title(e.rule()), requester, organization, servedUnder(e.servedUnder(), named),
                supportLevel(e), e.supportTier() == SupportTier.L2_L3 ? "L2/L3: the alliance partner gave first level (ENT-6)" : "All levels",
                e.flags().stream().map(TraceInWords::flag).toList(), TraceInWords.of(e.trace()));
    }

    private static String servedUnder(ServedUnder served, Map<Long, Organization> named) {
        String owner = served.organizationId() == null ? "" : name(named, served.organizationId());
        return switch (served.kind()) {
            case SUBSCRIPTION -> owner + ": " + plan(served.plan()) + " subscription #" + served.id();
            case NFR_LICENSE -> owner + ": NFR license #" + served.id() + " (" + plan(served.plan()) + ")";
            case PARTNER_PROGRAM -> owner + ": the partner programme";
            case ALLIANCE_COLLABORATION -> owner + ": the alliance collaboration";
            case NONE -> "Nothing";
        };
    }

    private static String supportLevel(Entitlement e) {
        return switch (e.supportLevel()) {
            case PRIORITY -> "Priority support";
            case STANDARD -> "Standard support";
            case NONE -> "None: no SLA";
        };
    }

    private static String plan(@Nullable Plan plan) {
        String code = plan == null ? "unknown" : plan.code();
        return Character.toUpperCase(code.charAt(0)) + code.substring(1);
    }

    private static String name(Map<Long, Organization> named, long id) {
        Organization organization = named.get(id);
        return organization == null ? "organization #" + id : organization.name();
    }

    private static String person(User user) {
        return user.name().equalsIgnoreCase(user.email()) ? user.email() : user.name() + " <" + user.email() + ">";
    }
}
