package org.partnerdesk.partnerops;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.partnerdesk.Desk.Account;
import org.partnerdesk.Desk.Org;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * PO-3 renewals (DOMAIN-FACTS "Partner tracks"): Select partners' NFR licenses renew by themselves in the last two weeks;
 * Open partners are reminded once to ask again. The test calls what the job calls, twice, on an explicit day.
 */
class NfrRenewalTest extends NfrApiTest {

    private final LocalDate today = LocalDate.now(ZoneOffset.UTC);

    @Autowired
    NfrRenewals renewals;

    @Test // PO-3
    void aSelectPartnersLicenseRenewsOnceBeforeItEnds() {
        Org partner = desk.aPartner("select");
        Account pat = desk.endUserIn(partner);
        long license = desk.nfrLicense(partner, today.minusMonths(11).minusDays(20), today.plusDays(10));

        renewals.run(today);
        renewals.run(today);

        JsonNode licenses = desk.admin.get("/api/v2/nfr_licenses?organization_id=" + partner.id()).at("/nfr_licenses");
        assertThat(licenses.size()).as("one renewal, however often the job runs").isEqualTo(2);
        JsonNode renewed = licenses.get(1);
        assertThat(renewed.get("starts_on").stringValue()).isEqualTo(today.plusDays(11).toString());
        assertThat(renewed.get("ends_on").stringValue()).isEqualTo(today.plusDays(11).plusMonths(12).toString());
        assertThat(renewed.get("users").intValue()).isEqualTo(10);
        assertThat(renewed.get("plan").stringValue()).isEqualTo("ultimate");
        assertThat(db.sql("select renewed_license_id from nfr_renewals where nfr_license_id = ?").param(license).query(Long.class).single())
                .isEqualTo(renewed.get("id").longValue());
        assertThat(nfr.mailTo(pat.email(), "NFR license #" + renewed.get("id").longValue() + " for")).contains("renewed automatically");
    }

    @Test // PO-3: Open partners renew on request, so they are reminded two weeks before the end, once
    void anOpenPartnerIsRemindedOnceAndMustAskAgain() {
        Org partner = desk.aPartner("open");
        Account sam = desk.endUserIn(partner);
        long license = desk.nfrLicense(partner, today.minusMonths(11).minusDays(20), today.plusDays(14));

        renewals.run(today);
        renewals.run(today.plusDays(1));

        assertThat(desk.admin.get("/api/v2/nfr_licenses?organization_id=" + partner.id()).at("/nfr_licenses").size()).isEqualTo(1);
        assertThat(nfr.mailTo(sam.email(), "NFR license #" + license + " ends on")).contains("submit a new NFR request");
        assertThat(nfr.mailsTo(sam.email(), "NFR license #" + license + " ends on")).isEqualTo(1);
        assertThat(db.sql("select action from nfr_renewals where nfr_license_id = ?").param(license).query(String.class).single())
                .isEqualTo("reminded");
    }

    @Test // PO-3: the submitter of the request behind the license is the one told
    void theReminderGoesToWhoeverAskedForTheLicense() {
        Org partner = desk.aPartner("open");
        Account sam = nfr.eligiblePartnerUser(partner);
        Account colleague = desk.endUserIn(partner);
        long request = nfr.ask(sam, 3).id("nfr_request");
        long license = nfr.member("Licensing").api().post("/api/v2/nfr_requests/" + request + "/fulfil", "{}")
                .at("/nfr_request/nfr_license_id").longValue();

        renewals.run(today.plusMonths(12).minusDays(7));

        assertThat(nfr.mailTo(sam.email(), "NFR license #" + license + " ends on")).contains(today.plusMonths(12).toString());
        assertThat(nfr.mailsTo(colleague.email(), "NFR license #" + license + " ends on")).isZero();
    }

    @Test // PO-3: outside the window nothing happens yet; a partner that already holds a later license needs nothing
    void nothingHappensBeforeTheWindowOrWhenALaterLicenseExists() {
        Org early = desk.aPartner("select");
        long notYet = desk.nfrLicense(early, today.minusMonths(6), today.plusDays(15));
        Org followed = desk.aPartner("open");
        long current = desk.nfrLicense(followed, today.minusMonths(11), today.plusDays(5));
        desk.nfrLicense(followed, today.plusDays(6), today.plusMonths(12));

        renewals.run(today);

        assertThat(db.sql("select count(*) from nfr_renewals where nfr_license_id in (?, ?)").params(notYet, current)
                .query(Long.class).single()).isZero();
        assertThat(desk.admin.get("/api/v2/nfr_licenses?organization_id=" + early.id()).at("/nfr_licenses").size()).isEqualTo(1);
    }

    @Test // PO-3: renewal is for Select partners in good standing; a non-compliant one is reminded instead
    void aNonCompliantSelectPartnerIsRemindedNotRenewed() {
        Org partner = desk.aPartner("select");
        nfr.compliant(partner, false);
        long license = desk.nfrLicense(partner, today.minusMonths(11), today.plusDays(3));

        renewals.run(today);

        assertThat(db.sql("select action from nfr_renewals where nfr_license_id = ?").param(license).query(String.class).single())
                .isEqualTo("reminded");
        assertThat(desk.admin.get("/api/v2/nfr_licenses?organization_id=" + partner.id()).at("/nfr_licenses").size()).isEqualTo(1);
    }
}
