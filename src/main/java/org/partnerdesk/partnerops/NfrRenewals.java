package org.partnerdesk.partnerops;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.partnerdesk.directory.NfrLicense;
import org.partnerdesk.directory.NfrLicenses;
import org.partnerdesk.directory.Organization;
import org.partnerdesk.directory.Organizations;
import org.partnerdesk.directory.PartnerTrack;
import org.partnerdesk.directory.User;
import org.partnerdesk.directory.Users;
import org.partnerdesk.partnerops.nfr.persistence.NfrAudits;
import org.partnerdesk.partnerops.nfr.persistence.StoredNfrRenewals;
import org.partnerdesk.partnerops.nfr.persistence.StoredNfrRequests;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * PO-3 renewals (DOMAIN-FACTS "Partner tracks"): within the renewal window before a license ends, a Select partner
 * in good standing gets the next 12 months automatically; any other partner is reminded once to ask again. Each
 * license is claimed in nfr_renewals first, so the job may run any number of times, on any node.
 */
@Service
public class NfrRenewals {

    /** What one run did: the licenses renewed and those whose holders were reminded. */
    public record Outcome(List<Long> renewed, List<Long> reminded) {
    }

    private final NfrLicenses licenses;
    private final Organizations organizations;
    private final Users users;
    private final StoredNfrRequests requests;
    private final StoredNfrRenewals renewals;
    private final NfrPolicy policy;
    private final NfrAudits audits;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher publisher;

    NfrRenewals(NfrLicenses licenses, Organizations organizations, Users users, StoredNfrRequests requests, StoredNfrRenewals renewals,
                NfrPolicy policy, NfrAudits audits, TransactionTemplate transactions, ApplicationEventPublisher publisher) {
        this.licenses = licenses;
        this.organizations = organizations;
        this.users = users;
        this.requests = requests;
        this.renewals = renewals;
        this.policy = policy;
        this.audits = audits;
        this.transactions = transactions;
        this.publisher = publisher;
    }

    /** The job's work for one day; each license in its own transaction, so one failure does not hold back the others. */
    public Outcome run(LocalDate today) {
        List<Long> renewed = new ArrayList<>();
        List<Long> reminded = new ArrayList<>();
        for (NfrLicense license : licenses.endingBetween(today, today.plusDays(policy.renewalWindowDays()))) {
            String done = transactions.execute(status -> handle(license));
            if ("renewed".equals(done)) {
                renewed.add(license.id());
            } else if ("reminded".equals(done)) {
                reminded.add(license.id());
            }
        }
        return new Outcome(renewed, reminded);
    }

    private String handle(NfrLicense license) {
        // a partner that already holds a later license (asked again, or renewed) needs neither
        boolean followed = licenses.ofOrganization(license.organizationId()).stream()
                .anyMatch(other -> other.id() != license.id() && other.term().endsOn().isAfter(license.term().endsOn()));
        Organization partner = organizations.find(license.organizationId()).orElse(null);
        if (followed || partner == null) {
            return "none";
        }
        boolean automatic = partner.isPartner() && partner.track() == PartnerTrack.SELECT && partner.trackCompliant();
        String action = automatic ? "renewed" : "reminded";
        if (!renewals.claim(license.id(), action)) {
            return "none";
        }
        List<Long> recipients = recipientsOf(license);
        if (automatic) {
            NfrLicense next = licenses.issueFor(null, new NfrLicenses.Issue(partner.id(), license.plan(), license.users(),
                    license.term().endsOn().plusDays(1), null));
            renewals.renewedAs(license.id(), next.id());
            audits.record(null, "nfr_license", license.id(), "renew", Map.of("renewed_license_id", next.id(), "track", "select"));
            publisher.publishEvent(new NfrLicenseIssued("renewal", null, null, next.id(), partner.name(), next.plan().code(), next.users(),
                    next.term().startsOn(), next.term().endsOn(), recipients));
        } else {
            audits.record(null, "nfr_license", license.id(), "remind", Map.of("ends_on", license.term().endsOn().toString(),
                    "recipients", recipients));
            publisher.publishEvent(new NfrRenewalDue(license.id(), partner.name(), license.users(), license.term().endsOn(), recipients));
        }
        return action;
    }

    // the person who asked for the license hears of it; a license issued by hand goes to the partner's people
    private List<Long> recipientsOf(NfrLicense license) {
        return requests.submitterOfLicense(license.id()).map(List::of)
                .orElseGet(() -> users.membersOf(license.organizationId()).stream().map(User::id).toList());
    }
}
