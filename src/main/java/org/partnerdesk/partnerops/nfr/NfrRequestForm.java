package org.partnerdesk.partnerops.nfr;

import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.partnerdesk.api.JsonBody;
import org.partnerdesk.directory.Plan;
import org.partnerdesk.partnerops.NfrRequests;

/**
 * PO-3: an NFR request's fields and their rules, read alike from the API's JSON and the portal's form. Problems collect
 * in the {@link JsonBody}; {@link #ask()} once it has none.
 */
public record NfrRequestForm(@Nullable Integer users, @Nullable String deployment, @Nullable String comment) {

    public static final int MAX_USERS = 10_000;
    public static final Set<String> DEPLOYMENTS = Set.of("self_managed", "saas");

    public static NfrRequestForm read(JsonBody request) {
        String plan = request.oneOf("plan", Plan.CODES);
        // DOMAIN-FACTS "NFR licenses": the programme issues Ultimate licenses only
        if (plan != null && !plan.equals(Plan.ULTIMATE.code())) {
            request.problemWith("plan", "invalid_value", "NFR licenses are issued on ultimate only (PO-3); ask for ultimate");
        }
        Integer users = request.requiredCount("users", MAX_USERS);
        if (users != null && users < 1) {
            request.problemWith("users", "invalid_value", "must be at least 1");
        }
        String deployment = request.requiredOneOf("deployment", DEPLOYMENTS);
        String comment = request.text("comment", 4_000);
        return new NfrRequestForm(users, deployment, comment);
    }

    /** The request as sent; only once the body it was read from has no problems. */
    public NfrRequests.Ask ask() {
        if (users == null || deployment == null) {
            throw new IllegalStateException("read with problems: call JsonBody.throwIfInvalid first");
        }
        return new NfrRequests.Ask(Plan.ULTIMATE, users, deployment, comment);
    }
}
