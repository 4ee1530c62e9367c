package org.partnerdesk.ticket.web;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.partnerdesk.sla.ReplyTarget;
import org.partnerdesk.ticket.TicketPreview;

/**
 * Issue #15 {@code POST /tickets/preview}: the SPEC 7 entitlement shape with what the person filing needs besides it:
 * who the requester and organization would be, the first-reply target (TKT-4), what is missing and a typo hint.
 */
record PreviewJson(EntitlementJson entitlement, String requesterEmail, @Nullable Long organizationId, @Nullable String organizationName,
                   @Nullable String servedUnderOrganizationName, @Nullable FirstReplyJson firstReplyTarget, List<MissingJson> missing,
                   @Nullable DidYouMeanJson didYouMean, List<String> advice) {

    /** The first-reply target: policy, the priority it is served as, minutes, and on which clock ({@code business_hours} or {@code calendar}). */
    record FirstReplyJson(String policy, @Nullable String priority, long minutes, String hours) {
        static @Nullable FirstReplyJson of(@Nullable ReplyTarget target) {
            return target == null ? null : new FirstReplyJson(target.policy(), target.priority(), target.minutes(),
                    target.businessHours() ? "business_hours" : "calendar");
        }
    }

    /** A flag and what would lift it. */
    record MissingJson(String flag, String description) {
    }

    /** The mistyped domain, the known customer domain near it, and the e-mail with it. */
    record DidYouMeanJson(String typed, String domain, String email) {
    }

    static PreviewJson of(TicketPreview p) {
        return new PreviewJson(EntitlementJson.of(p.entitlement()), p.requesterEmail(), p.entitlement().organizationId(),
                p.organizationName(), p.servedUnderOrganizationName(), FirstReplyJson.of(p.firstReply()),
                p.missing().stream().map(m -> new MissingJson(m.flag(), m.description())).toList(),
                p.didYouMean() == null ? null : new DidYouMeanJson(p.didYouMean().typed(), p.didYouMean().suggested(), p.didYouMean().email()),
                p.advice());
    }
}
