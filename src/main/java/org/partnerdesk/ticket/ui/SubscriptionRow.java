package org.partnerdesk.ticket.ui;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;
import org.partnerdesk.directory.Organization;
import org.partnerdesk.directory.Subscription;

/** UI-1: a subscription (DIR-5) as the organization page lists it, with what it gives today and the partner it was bought through. */
public record SubscriptionRow(Subscription subscription, String status, String supportLevel, @Nullable Organization purchasedThrough) {

    static SubscriptionRow of(Subscription subscription, LocalDate today, @Nullable Organization purchasedThrough) {
        return new SubscriptionRow(subscription, subscription.statusOn(today).code(), subscription.supportLevelOn(today).code(),
                purchasedThrough);
    }

    public boolean isActive() {
        return status.equals("active");
    }
}
