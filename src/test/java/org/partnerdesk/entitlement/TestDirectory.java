package org.partnerdesk.entitlement;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/** A small directory and ticket, arranged in the words of the seed pages. */
final class TestDirectory {

    /** Every test stands on this day; subscriptions and licenses are dated around it. */
    static final LocalDate TODAY = LocalDate.of(2025, 6, 2);

    private static final AtomicLong IDS = new AtomicLong(1000);

    private TestDirectory() {}

    static OrganizationBuilder aCustomer() {
        return new OrganizationBuilder("Acme", OrganizationType.CUSTOMER, null);
    }

    static OrganizationBuilder anOpenPartner() {
        return new OrganizationBuilder("ResellCo", OrganizationType.PARTNER, PartnerTrack.OPEN);
    }

    static OrganizationBuilder aSelectPartner() {
        return new OrganizationBuilder("SelectCo", OrganizationType.PARTNER, PartnerTrack.SELECT);
    }

    static OrganizationBuilder anAlliancePartner() {
        return new OrganizationBuilder("AlliedCloud", OrganizationType.PARTNER, PartnerTrack.ALLIANCE);
    }

    static OrganizationBuilder aPartnerOnTrack(PartnerTrack track) {
        return new OrganizationBuilder(track.title() + "Co", OrganizationType.PARTNER, track);
    }

    static OrganizationBuilder aPartnerWithoutTrack() {
        return new OrganizationBuilder("TracklessCo", OrganizationType.PARTNER, null);
    }

    static OrganizationBuilder ourOwnCompany() {
        return new OrganizationBuilder("PartnerDesk", OrganizationType.INTERNAL, null);
    }

    static Person aUserWithoutOrganization(String name) {
        return new Person(IDS.incrementAndGet(), name + "@nowhere.test", name, null);
    }

    static Organization organizationOf(Person person) {
        return Objects.requireNonNull(person.organization(), person.email() + " has no organization");
    }

    static Subscription onlySubscriptionOf(Person person) {
        return organizationOf(person).subscriptions().getFirst();
    }

    static NfrLicense onlyNfrLicenseOf(Person person) {
        return organizationOf(person).nfrLicenses().getFirst();
    }

    static TicketBuilder aTicket(Form form) {
        return new TicketBuilder(form);
    }

    static final class OrganizationBuilder {
        private final long id = IDS.incrementAndGet();
        private String name;
        private final OrganizationType kind;
        private final @Nullable PartnerTrack track;
        private final List<Subscription> subscriptions = new ArrayList<>();
        private final List<NfrLicense> nfrLicenses = new ArrayList<>();

        private OrganizationBuilder(String name, OrganizationType kind, @Nullable PartnerTrack track) {
            this.name = name;
            this.kind = kind;
            this.track = track;
        }

        OrganizationBuilder named(String name) {
            this.name = name;
            return this;
        }

        OrganizationBuilder withSubscription(Plan plan) {
            return withSubscription(plan, TODAY.minusMonths(5), TODAY.plusMonths(7));
        }

        OrganizationBuilder withExpiredSubscription(Plan plan) {
            return withSubscription(plan, TODAY.minusYears(1).minusDays(1), TODAY.minusDays(1));
        }

        OrganizationBuilder withSubscription(Plan plan, LocalDate startsOn, LocalDate endsOn) {
            subscriptions.add(new Subscription(IDS.incrementAndGet(), plan, startsOn, endsOn));
            return this;
        }

        OrganizationBuilder withNfrLicense(Plan plan) {
            return withNfrLicense(plan, TODAY.minusMonths(3), TODAY.plusMonths(9));
        }

        OrganizationBuilder withExpiredNfrLicense(Plan plan) {
            return withNfrLicense(plan, TODAY.minusYears(1), TODAY.minusDays(1));
        }

        OrganizationBuilder withNfrLicense(Plan plan, LocalDate startsOn, LocalDate endsOn) {
            nfrLicenses.add(new NfrLicense(IDS.incrementAndGet(), plan, 10, startsOn, endsOn));
            return this;
        }

        Organization build() {
            return new Organization(id, name, kind, track, true, subscriptions, nfrLicenses);
        }

        Person withUser(String userName) {
            String domain = name.toLowerCase(Locale.ROOT).replace(" ", "") + ".test";
            return new Person(IDS.incrementAndGet(), userName + "@" + domain, userName, build());
        }
    }

    static final class TicketBuilder {
        private final Form form;
        private @Nullable Person submitter;
        private @Nullable String organizationEmail;
        private @Nullable Person contact;
        private @Nullable String customerName;
        private @Nullable String troubleshooting;
        private @Nullable String engagement;
        private boolean isCcPartnerChecked;
        private @Nullable String allianceTicketId;
        private String subject = "Pipeline fails";
        private String description = "Our pipelines stopped after the upgrade.";
        private List<String> ccEmails = List.of();
        private LocalDate today = TODAY;

        private TicketBuilder(Form form) {
            this.form = form;
        }

        TicketBuilder from(Person submitter) {
            this.submitter = submitter;
            return this;
        }

        /** Organization Email (partners) names this contact, and the caller found it. */
        TicketBuilder forContact(Person contact) {
            this.organizationEmail = contact.email();
            this.contact = contact;
            return this;
        }

        /** Organization Email (partners) names nobody the directory knows. */
        TicketBuilder withOrganizationEmail(@Nullable String email) {
            this.organizationEmail = email;
            this.contact = null;
            return this;
        }

        TicketBuilder withContactFound(Person contact) {
            this.contact = contact;
            return this;
        }

        TicketBuilder withCustomerName(@Nullable String customerName) {
            this.customerName = customerName;
            return this;
        }

        TicketBuilder withTroubleshooting(String troubleshooting) {
            this.troubleshooting = troubleshooting;
            return this;
        }

        TicketBuilder withEngagement(@Nullable String engagement) {
            this.engagement = engagement;
            return this;
        }

        TicketBuilder withCcPartnerChecked() {
            this.isCcPartnerChecked = true;
            return this;
        }

        TicketBuilder withAllianceTicketId(@Nullable String allianceTicketId) {
            this.allianceTicketId = allianceTicketId;
            return this;
        }

        TicketBuilder withSubject(String subject) {
            this.subject = subject;
            return this;
        }

        TicketBuilder withDescription(String description) {
            this.description = description;
            return this;
        }

        TicketBuilder withCcs(String... emails) {
            this.ccEmails = List.of(emails);
            return this;
        }

        TicketBuilder on(LocalDate day) {
            this.today = day;
            return this;
        }

        TicketFacts build() {
            return new TicketFacts(form, Objects.requireNonNull(submitter, "who submits the ticket?"),
                    organizationEmail, contact, customerName, troubleshooting, engagement, isCcPartnerChecked,
                    allianceTicketId, subject, description, ccEmails, today);
        }
    }
}
