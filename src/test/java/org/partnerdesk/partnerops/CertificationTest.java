package org.partnerdesk.partnerops;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.partnerdesk.ApiClient.Reply;
import org.partnerdesk.Desk.Account;
import org.partnerdesk.Desk.Org;

/** PO-3: the certification register per partner; Partner Operations record, partners read their own. */
class CertificationTest extends NfrApiTest {

    Account partnerOps;
    Org partner;
    Account sam;

    @BeforeEach
    void arrange() {
        partnerOps = nfr.member("Partner Operations");
        partner = desk.aPartner("select");
        sam = desk.endUserIn(partner);
    }

    @Test // PO-3
    void partnerOperationsRecordACertificationAndThePartnerReadsItsRegister() {
        Reply recorded = nfr.certify(partnerOps, partner, sam, "professional_services_engineer");

        assertThat(recorded.status()).as(recorded.toString()).isEqualTo(201);
        assertThat(recorded.at("/certification/kind").stringValue()).isEqualTo("professional_services_engineer");
        assertThat(recorded.at("/certification/recorded_by_id").longValue()).isEqualTo(partnerOps.id());
        long id = recorded.id("certification");
        Reply register = sam.api().get("/api/v2/certifications?organization_id=" + partner.id());
        assertThat(register.status()).isEqualTo(200);
        assertThat(register.at("/certifications/0/id").longValue()).isEqualTo(id);
        assertThat(register.at("/certifications/0/passed_on").stringValue()).isEqualTo(LocalDate.now().minusMonths(2).toString());
        assertThat(sam.api().get("/api/v2/certifications/" + id).status()).isEqualTo(200);
        assertThat(audits(id)).containsExactly("record");
    }

    @Test // PO-3: the register makes a partner eligible, and losing its only certified person makes it ineligible again
    void theRegisterDecidesTheCertificationRequirement() {
        assertThat(codesMissing(nfr.ask(sam, 1))).containsExactly("certification");
        long id = nfr.certify(partnerOps, partner, sam, "solution_architect").id("certification");
        assertThat(codesMissing(nfr.ask(sam, 1))).isEmpty();

        assertThat(partnerOps.api().delete("/api/v2/certifications/" + id).status()).isEqualTo(204);
        assertThat(codesMissing(nfr.ask(sam, 1))).containsExactly("certification");
        assertThat(audits(id)).containsExactly("record", "remove");
    }

    @Test // PO-3: a sales certification does not make a partner eligible for NFR licenses
    void aSalesCertificationIsNotEnough() {
        nfr.certify(partnerOps, partner, sam, "sales_core");

        assertThat(codesMissing(nfr.ask(sam, 1))).containsExactly("certification");
    }

    @Test
    void onlyPartnerOperationsRecordCertifications() {
        assertThat(nfr.certify(sam, partner, sam, "solution_architect").status()).as("the partner itself").isEqualTo(403);
        assertThat(nfr.certify(desk.agent(), partner, sam, "solution_architect").status()).isEqualTo(403);
        assertThat(nfr.certify(nfr.member("Licensing"), partner, sam, "solution_architect").status()).isEqualTo(403);
        assertThat(nfr.certify(desk.stranger(), partner, sam, "solution_architect").status()).isEqualTo(403);
        assertThat(desk.anonymous().post("/api/v2/certifications", "{}").status()).isEqualTo(401);
        long id = nfr.certify(partnerOps, partner, sam, "solution_architect").id("certification");
        assertThat(sam.api().delete("/api/v2/certifications/" + id).status()).isEqualTo(403);
        assertThat(sam.api().get("/api/v2/certifications?organization_id=" + partner.id()).at("/certifications").size()).isEqualTo(1);
    }

    @Test // API-2: a partner reads its own register only
    void othersCannotReadAPartnersRegister() {
        long id = nfr.certify(partnerOps, partner, sam, "solution_architect").id("certification");
        Account otherPartner = desk.endUserIn(desk.aPartner("open"));
        Account customer = desk.endUserIn(desk.aCustomer());

        assertThat(otherPartner.api().get("/api/v2/certifications/" + id).status()).isEqualTo(404); // #10 item 15: as if it did not exist
        assertThat(otherPartner.api().get("/api/v2/certifications?organization_id=" + partner.id()).status()).isEqualTo(403);
        assertThat(customer.api().get("/api/v2/certifications/" + id).status()).isEqualTo(404);
        assertThat(desk.stranger().api().get("/api/v2/certifications").status()).isEqualTo(403);
        assertThat(desk.anonymous().get("/api/v2/certifications/" + id).status()).isEqualTo(401);
        assertThat(desk.agent().api().get("/api/v2/certifications/" + id).status()).isEqualTo(200);
    }

    @Test
    void aCertificationBelongsToAPartnersOwnPeopleOnceAndInThePast() {
        Account outsider = desk.endUserIn(desk.aPartner("open"));
        Org customer = desk.aCustomer();

        assertRefused(nfr.certify(partnerOps, partner, outsider, "solution_architect"), "user_id", "PO-3");
        assertRefused(nfr.certify(partnerOps, customer, desk.endUserIn(customer), "solution_architect"), "organization_id", "PO-3");
        assertThat(nfr.certify(partnerOps, partner, sam, "solution_architect").status()).isEqualTo(201);
        assertRefused(nfr.certify(partnerOps, partner, sam, "solution_architect"), "kind", "duplicate");
        Reply future = partnerOps.api().post("/api/v2/certifications", """
                {"certification":{"organization_id":%d,"user_id":%d,"kind":"sales_core","passed_on":"%s"}}"""
                .formatted(partner.id(), sam.id(), LocalDate.now().plusDays(3)));
        assertRefused(future, "passed_on", "invalid_value");
        Reply unknownKind = partnerOps.api().post("/api/v2/certifications", """
                {"certification":{"organization_id":%d,"user_id":%d,"kind":"wizard","passed_on":"2025-01-01"}}"""
                .formatted(partner.id(), sam.id()));
        assertRefused(unknownKind, "kind", "invalid_value");
        assertThat(db.sql("select count(*) from certifications where user_id in (?, ?)").params(sam.id(), outsider.id())
                .query(Long.class).single()).isEqualTo(1);
    }

    private static void assertRefused(Reply reply, String field, String error) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(422);
        assertThat(reply.at("/details/" + field + "/0/error").stringValue()).isEqualTo(error);
    }

    private static List<String> codesMissing(Reply asked) {
        assertThat(asked.status()).as(asked.toString()).isEqualTo(201);
        return NfrRequestTest.codes(asked.at("/nfr_request/missing_requirements"));
    }

    private List<String> audits(long id) {
        return db.sql("select action from nfr_audits where entity = 'certification' and entity_id = ? order by id")
                .param(id).query(String.class).list();
    }
}
