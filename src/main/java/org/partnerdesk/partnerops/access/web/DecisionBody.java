package org.partnerdesk.partnerops.access.web;

import org.jspecify.annotations.Nullable;
import org.partnerdesk.api.JsonBody;
import tools.jackson.databind.JsonNode;

/** The bodies of Partner Operations' decisions on a request (PO-1, PO-2): {@code approval} and {@code decline}. */
public final class DecisionBody {

    private static final int REASON = 4_000;

    private DecisionBody() {
    }

    /** {@code {"approval":{"reason":…}}}; the body and the reason are optional. */
    public static @Nullable String approvalReason(@Nullable JsonNode body) {
        if (body == null || !body.has("approval")) {
            return null;
        }
        JsonBody approval = JsonBody.root(body, "approval");
        String reason = approval.text("reason", REASON);
        approval.throwIfInvalid();
        return reason;
    }

    /** {@code {"decline":{"reason":…}}}; a decline always says why. */
    public static String declineReason(@Nullable JsonNode body) {
        JsonBody decline = JsonBody.root(body, "decline");
        String reason = decline.requiredText("reason", REASON);
        decline.throwIfInvalid();
        return reason;
    }
}
