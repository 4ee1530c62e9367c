package org.partnerdesk.entitlement;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * DIR-1: an organization as the decision sees it, with its subscriptions and NFR licenses loaded.
 * {@code partnerTrack} only means something for a partner; a partner without one is a directory gap (ENT-9).
 */
public record Organization(
        long id,
        String name,
        OrganizationType kind,
        @Nullable PartnerTrack partnerTrack,
        boolean isCompliant,
        List<Subscription> subscriptions,
        List<NfrLicense> nfrLicenses) {

    // Among plans that buy the same level, the better plan and then the longer-running one is reported.
    private static final Comparator<Subscription> BEST_SUBSCRIPTION =
            Comparator.comparing(Subscription::plan).thenComparing(Subscription::endsOn);
    private static final Comparator<NfrLicense> BEST_NFR_LICENSE =
            Comparator.comparing(NfrLicense::plan).thenComparing(NfrLicense::endsOn);

    public Organization {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        subscriptions = List.copyOf(subscriptions);
        nfrLicenses = List.copyOf(nfrLicenses);
    }

    public boolean isCustomer() {
        return kind == OrganizationType.CUSTOMER;
    }

    public boolean isPartner() {
        return kind == OrganizationType.PARTNER;
    }

    public boolean isPartnerOnTrack(PartnerTrack track) {
        return isPartner() && partnerTrack == track;
    }

    /** DIR-5: with several active subscriptions, the best level wins. */
    public Optional<Subscription> bestActiveSubscription(LocalDate today) {
        return subscriptions.stream().filter(s -> s.isActiveOn(today)).max(BEST_SUBSCRIPTION);
    }

    /** The subscription that ends last, active or not: what an agent wants to see when none is active. */
    public Optional<Subscription> latestSubscription() {
        return subscriptions.stream().max(Comparator.comparing(Subscription::endsOn));
    }

    public Optional<NfrLicense> activeNfrLicense(LocalDate today) {
        return nfrLicenses.stream().filter(l -> l.isActiveOn(today)).max(BEST_NFR_LICENSE);
    }

    public Optional<NfrLicense> latestNfrLicense() {
        return nfrLicenses.stream().max(Comparator.comparing(NfrLicense::endsOn));
    }

    /** How the trace names it: "customer Acme", "Select partner ResellCo", "internal organization PartnerDesk". */
    public String describe() {
        return switch (kind) {
            case CUSTOMER -> "customer " + name;
            case INTERNAL -> "internal organization " + name;
            case PARTNER -> partnerTrack == null
                    ? "partner " + name + " (no track)"
                    : partnerTrack.title() + " partner " + name;
        };
    }
}
