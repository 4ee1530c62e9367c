package org.partnerdesk.partnerops.billing.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.partnerdesk.partnerops.BillingAccount;

/** PO-5, #16: a billing account's activation in words: waiting, "active in 2 h", "active since 3 Dec", quotable only when active. */
class ActivationInWordsTest {

    private static final Instant NOW = Instant.parse("2026-12-04T20:30:00Z");

    private static BillingAccount requested() {
        return BillingAccount.requested(7, "ResellCo GmbH", new BillingAccount.Contact(3, "Ina", "ina@resellco.test", "Berlin"), 2,
                NOW.minus(Duration.ofDays(2)));
    }

    @Test
    void aRequestedAccountWaitsForBillingOperationsAndIsNotQuotable() {
        ActivationInWords words = ActivationInWords.of(requested(), NOW);

        assertThat(words.words()).isEqualTo("waiting for Billing Operations to create it");
        assertThat(words.isQuotable()).isFalse();
    }

    @Test
    void aJustCreatedAccountIsActiveInTwoHoursNeverEarlier() {
        BillingAccount created = requested().create(5, NOW.minusMillis(300), Duration.ofHours(2));

        ActivationInWords words = ActivationInWords.of(created, NOW);

        assertThat(words.words()).isEqualTo("active in 2 h");
        assertThat(words.exactly()).isEqualTo("4 Dec 2026, 22:30 UTC");
        assertThat(words.isQuotable()).isFalse();
    }

    @Test
    void aLongerDelayReadsInDaysAndAShortOneInMinutes() {
        assertThat(ActivationInWords.of(requested().create(5, NOW, Duration.ofDays(2)), NOW).words()).isEqualTo("active in 2 days");
        assertThat(ActivationInWords.of(requested().create(5, NOW, Duration.ofMinutes(90)), NOW).words()).isEqualTo("active in 1 h 30 min");
        assertThat(ActivationInWords.of(requested().create(5, NOW, Duration.ofSeconds(20)), NOW).words()).isEqualTo("active in 1 min");
    }

    @Test
    void anAccountWhoseTimeHasComeIsActivatingUntilTheJobRuns() {
        BillingAccount created = requested().create(5, NOW.minus(Duration.ofHours(3)), Duration.ofHours(2));

        assertThat(ActivationInWords.of(created, NOW).words()).isEqualTo("activating now");
        assertThat(ActivationInWords.of(created, NOW).isQuotable()).isFalse();
    }

    @Test
    void anActiveAccountSaysSinceWhenAndIsQuotable() {
        BillingAccount created = requested().create(5, Instant.parse("2026-12-03T08:00:00Z"), Duration.ofHours(2));
        BillingAccount active = created.activate(Instant.parse("2026-12-03T10:00:00Z")).orElseThrow();

        ActivationInWords words = ActivationInWords.of(active, NOW);

        assertThat(words.words()).isEqualTo("active since 3 Dec");
        assertThat(words.exactly()).isEqualTo("3 Dec 2026, 10:00 UTC");
        assertThat(words.isQuotable()).isTrue();
    }
}
