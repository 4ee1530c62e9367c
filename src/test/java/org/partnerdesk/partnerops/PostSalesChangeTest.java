package org.partnerdesk.partnerops;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.partnerdesk.ApiClient;
import org.partnerdesk.ApiClient.Reply;
import org.partnerdesk.ApiTest;
import org.partnerdesk.Desk;
import org.partnerdesk.Desk.Account;
import org.partnerdesk.Desk.Org;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * PO-7 [003]: license resends and e-mail changes for a customer who bought through a partner are asked by the partner
 * named on the subscription, on the Licensing & Renewals form, on the customer's behalf; any other partner is refused.
 */
class PostSalesChangeTest extends ApiTest {

    static final long LICENSING_FORM = 360000071293L;
    static final long LICENSING_REQUEST = 360012194320L;

    @Autowired
    JdbcClient db;

    Org acme;
    Account ann;
    Org seller;
    Account sam;
    long subscription;

    @BeforeEach
    void arrange() {
        acme = desk.aCustomer();
        ann = desk.endUserIn(acme);
        seller = desk.aPartner("open");
        sam = desk.endUserIn(seller);
        Reply bought = desk.admin.post("/api/v2/subscriptions", """
                {"subscription":{"organization_id":%d,"plan":"premium","seats":50,"starts_on":"%s","ends_on":"%s",
                 "purchased_through_organization_id":%d}}""".formatted(acme.id(), LocalDate.now().minusMonths(3),
                LocalDate.now().plusMonths(9), seller.id()));
        assertThat(bought.status()).as(bought.toString()).isEqualTo(201);
        subscription = bought.id("subscription");
    }

    @Test // PO-7
    void thePartnerNamedOnTheSubscriptionAsksForALicenseResendOnTheCustomersBehalf() {
        Reply created = file(sam.api(), "license_resend", ann.email());

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.at("/ticket/requester_id").longValue()).isEqualTo(ann.id());
        assertThat(created.at("/ticket/submitter_id").longValue()).isEqualTo(sam.id());
        assertThat(created.at("/ticket/organization_id").longValue()).isEqualTo(acme.id());
        assertThat(created.at("/ticket/collaborator_ids").toString()).contains(Long.toString(sam.id()));
        JsonNode entitlement = desk.admin.get("/api/v2/tickets/" + created.id("ticket") + "/entitlement").at("/entitlement");
        assertThat(entitlement.get("rule").stringValue()).isEqualTo("PO-7");
        assertThat(entitlement.get("scenario").stringValue()).isEqualTo("partner_post_sales_change");
        assertThat(entitlement.at("/served_under/id").longValue()).isEqualTo(subscription);
        assertThat(entitlement.get("trace").toString()).contains("bought through " + seller.name());
        assertThat(sam.api().get("/api/v2/tickets/" + created.id("ticket")).status()).as("the partner follows its request").isEqualTo(200);
    }

    @Test // PO-7
    void anEmailChangeIsAcceptedFromTheSellerToo() {
        assertThat(file(sam.api(), "email_change", ann.email()).status()).isEqualTo(201);
    }

    @Test // PO-7
    void anyOtherPartnerIsRefusedWithTheReason() {
        Account other = desk.endUserIn(desk.aPartner("select"));
        long before = tickets();

        Reply refused = file(other.api(), "license_resend", ann.email());

        assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
        assertThat(refused.at("/details/custom_fields/0/error").stringValue()).isEqualTo("PO-7");
        assertThat(refused.at("/description").stringValue()).contains("was bought through", "only the partner named on the subscription", "(PO-7)");
        assertThat(tickets()).as("nothing is stored").isEqualTo(before);
    }

    @Test // PO-7: the change is for a customer, so the partner names the customer's contact
    void aPartnerMustNameTheCustomer() {
        Reply noCustomer = file(sam.api(), "license_resend", null);
        Reply unknown = file(sam.api(), "license_resend", "nobody@nowhere.test");
        Reply partnerContact = file(sam.api(), "email_change", sam.email());

        for (Reply refused : new Reply[] {noCustomer, unknown, partnerContact}) {
            assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
            assertThat(refused.at("/details/custom_fields/0/error").stringValue()).isEqualTo("PO-7");
        }
        assertThat(noCustomer.at("/description").stringValue()).contains("Organization Email (partners)");
    }

    @Test // PO-7 applies to partners' post-sales changes only: customers and a partner's own licensing questions are as before
    void otherLicensingTicketsAreUnchanged() {
        Reply customersOwn = file(ann.api(), "license_resend", null);
        Reply partnersOwn = file(sam.api(), "renewal_question", null);

        assertThat(customersOwn.status()).as(customersOwn.toString()).isEqualTo(201);
        assertThat(rule(customersOwn)).isEqualTo("ENT-10");
        assertThat(partnersOwn.status()).as(partnersOwn.toString()).isEqualTo(201);
        assertThat(rule(partnersOwn)).isEqualTo("ENT-4");
    }

    @Test // PO-7: an agent correcting the customer e-mail to a customer the partner did not sell to is refused
    void aCorrectionCannotMoveTheRequestToAnotherPartnersCustomer() {
        long ticket = file(sam.api(), "license_resend", ann.email()).id("ticket");
        Org globex = desk.aCustomer();
        Account gina = desk.endUserIn(globex);

        Reply moved = desk.admin.put("/api/v2/tickets/" + ticket, """
                {"ticket":{"custom_fields":[{"id":%d,"value":"%s"}]}}""".formatted(Desk.ORGANIZATION_EMAIL, gina.email()));

        assertThat(moved.status()).as(moved.toString()).isEqualTo(422);
        assertThat(desk.admin.get("/api/v2/tickets/" + ticket).at("/ticket/requester_id").longValue()).isEqualTo(ann.id());
    }

    @Test
    void theLicensingFormCarriesTheFields() {
        JsonNode form = desk.admin.get("/api/v2/ticket_forms/" + LICENSING_FORM).at("/ticket_form/ticket_field_ids");
        assertThat(form.toString()).contains(Long.toString(Desk.ORGANIZATION_EMAIL), Long.toString(LICENSING_REQUEST));
    }

    private String rule(Reply created) {
        return desk.admin.get("/api/v2/tickets/" + created.id("ticket") + "/entitlement").at("/entitlement/rule").stringValue();
    }

    private long tickets() {
        return db.sql("select count(*) from tickets").query(Long.class).single();
    }

    private static Reply file(ApiClient api, String request, @Nullable String customerEmail) {
        String email = customerEmail == null ? "" : ",{\"id\":%d,\"value\":\"%s\"}".formatted(Desk.ORGANIZATION_EMAIL, customerEmail);
        return api.post("/api/v2/tickets", """
                {"ticket":{"subject":"Resend the license","comment":{"body":"The customer lost the license file"},
                 "ticket_form_id":%d,"custom_fields":[{"id":%d,"value":"%s"}%s]}}""".formatted(LICENSING_FORM, LICENSING_REQUEST, request, email));
    }
}
