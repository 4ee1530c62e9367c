package org.partnerdesk.entitlement;

import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a ticket is served under: the subscription, NFR license or program whose terms give it its
 * support level. {@code id} and {@code plan} are those of the subscription or license; a program has neither.
 */
public record ServedUnder(Kind kind, @Nullable Long id, @Nullable Long organizationId, @Nullable Plan plan) {

    public enum Kind {
        SUBSCRIPTION,
        NFR_LICENSE,
        PARTNER_PROGRAM,
        ALLIANCE_COLLABORATION,
        NONE;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public ServedUnder {
        Objects.requireNonNull(kind, "kind");
        boolean namesOne = id != null && plan != null && organizationId != null;
        boolean namesNothing = id == null && plan == null;
        boolean isValid = switch (kind) {
            case SUBSCRIPTION, NFR_LICENSE -> namesOne;
            case PARTNER_PROGRAM, ALLIANCE_COLLABORATION -> namesNothing && organizationId != null;
            case NONE -> namesNothing && organizationId == null;
        };
        if (!isValid) {
            throw new IllegalArgumentException("served under " + kind.code() + " cannot carry id " + id
                    + ", organization " + organizationId + " and plan " + plan);
        }
    }

    public static ServedUnder subscription(Organization owner, Subscription subscription) {
        return new ServedUnder(Kind.SUBSCRIPTION, subscription.id(), owner.id(), subscription.plan());
    }

    public static ServedUnder nfrLicense(Organization partner, NfrLicense license) {
        return new ServedUnder(Kind.NFR_LICENSE, license.id(), partner.id(), license.plan());
    }

    public static ServedUnder partnerProgram(Organization partner) {
        return new ServedUnder(Kind.PARTNER_PROGRAM, null, partner.id(), null);
    }

    public static ServedUnder allianceCollaboration(Organization partner) {
        return new ServedUnder(Kind.ALLIANCE_COLLABORATION, null, partner.id(), null);
    }

    public static ServedUnder none() {
        return new ServedUnder(Kind.NONE, null, null, null);
    }
}
