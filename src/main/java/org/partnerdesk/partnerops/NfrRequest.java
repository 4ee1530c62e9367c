package org.partnerdesk.partnerops;

import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.partnerdesk.directory.Plan;

/**
 * PO-3 [003]: a partner's request for NFR users on a plan, with the eligibility decided when it arrived. Eligible
 * requests await Licensing; ineligible ones stay so (the submitter was told what is missing) unless an exception
 * (PO-4) supersedes them.
 */
public record NfrRequest(long id, long organizationId, long submitterId, Plan plan, int users, String deployment,
                         @Nullable String comment, Status status, NfrEligibility eligibility, @Nullable Long nfrLicenseId,
                         @Nullable Long fulfilledBy, Instant createdAt, Instant updatedAt) {

    public enum Status {
        AWAITING_FULFILMENT, INELIGIBLE, FULFILLED, SUPERSEDED;

        public String code() {
            return name().toLowerCase();
        }

        public static Status fromCode(String code) {
            return valueOf(code.toUpperCase());
        }
    }

    /** A new request as decided, not yet stored. */
    public static NfrRequest submitted(long organizationId, long submitterId, Plan plan, int users, String deployment,
                                       @Nullable String comment, NfrEligibility eligibility, Instant at) {
        Status status = eligibility.isEligible() ? Status.AWAITING_FULFILMENT : Status.INELIGIBLE;
        return new NfrRequest(0, organizationId, submitterId, plan, users, deployment, comment, status, eligibility, null, null, at, at);
    }

    /** PO-3: Licensing fulfils an eligible request once, as an NFR license. */
    public NfrRequest fulfil(long licenseId, long by, Instant at) {
        checkFulfillable();
        return new NfrRequest(id, organizationId, submitterId, plan, users, deployment, comment, Status.FULFILLED, eligibility,
                licenseId, by, createdAt, at);
    }

    /** PO-3: refuses, with the reason, a request that is not eligible or was served already. */
    public void checkFulfillable() {
        if (status != Status.AWAITING_FULFILMENT) {
            throw new NfrRefusal("PO-3", "status", "NFR request " + id + " is " + status.code()
                    + (status == Status.INELIGIBLE ? ": only eligible requests are fulfilled; an exception needs PO-4 approvals"
                    : ": it was fulfilled already"));
        }
    }

    /** PO-4: an exception fulfilled on this request replaces its standard fulfilment. */
    public NfrRequest supersede(long licenseId, long by, Instant at) {
        return new NfrRequest(id, organizationId, submitterId, plan, users, deployment, comment, Status.SUPERSEDED, eligibility,
                licenseId, by, createdAt, at);
    }

    /** PO-4: an exception may be asked for while the standard request has not been served. */
    public boolean isOpen() {
        return status == Status.AWAITING_FULFILMENT || status == Status.INELIGIBLE;
    }
}
