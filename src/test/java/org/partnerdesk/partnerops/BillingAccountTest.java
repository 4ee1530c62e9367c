package org.partnerdesk.partnerops;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.partnerdesk.ApiClient;
import org.partnerdesk.ApiClient.Reply;
import org.partnerdesk.ApiTest;
import org.partnerdesk.Desk;
import org.partnerdesk.Desk.Account;
import org.partnerdesk.Desk.Org;
import org.partnerdesk.Endpoint;
import org.partnerdesk.directory.Groups;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** PO-5 [003]: billing accounts for new entities of a partner's parent company, over the API, with the activation job. */
class BillingAccountTest extends ApiTest {

    private static final long PARTNER_OPERATIONS_FORM = 360001900001L;

    @Autowired
    BillingAccounts accounts;

    @Autowired
    JdbcClient db;

    @Test
    void partnerAsksForABillingAccountAndBillingOperationsGetTheRequest() { // PO-5, PO-6
        Org partner = desk.aPartner("open");
        Account sam = desk.endUserIn(partner);
        String contactEmail = Desk.unique("billing").toLowerCase() + "@" + partner.domain();

        Reply requested = request(sam.api(), null, contactEmail);

        assertThat(requested.status()).as(requested.toString()).isEqualTo(201);
        assertThat(requested.at("/billing_account/status").stringValue()).isEqualTo("requested");
        assertThat(requested.at("/billing_account/available_for_quoting").booleanValue()).isFalse();
        assertThat(requested.at("/billing_account/organization_id").longValue()).isEqualTo(partner.id());
        assertThat(requested.at("/billing_account/entity_name").stringValue()).isEqualTo("ResellCo GmbH");
        assertThat(requested.at("/billing_account/requested_by_id").longValue()).isEqualTo(sam.id());
        // the contact is a user of the partner organization, not a new organization
        long contact = requested.at("/billing_account/contact/user_id").longValue();
        Reply user = desk.admin.get("/api/v2/users/" + contact);
        assertThat(user.at("/user/email").stringValue()).isEqualTo(contactEmail);
        assertThat(user.at("/user/organization_id").longValue()).isEqualTo(partner.id());
        assertThat(requested.at("/billing_account/contact/address").stringValue()).isEqualTo("Hauptstrasse 1, 10115 Berlin");
        // the request is a Partner Operations ticket owned by Billing Operations
        long ticket = requested.at("/billing_account/ticket_id").longValue();
        Reply filed = desk.admin.get("/api/v2/tickets/" + ticket);
        assertThat(filed.at("/ticket/ticket_form_id").longValue()).isEqualTo(PARTNER_OPERATIONS_FORM);
        assertThat(filed.at("/ticket/group_id").longValue()).isEqualTo(desk.groupId(Groups.BILLING_OPERATIONS));
        assertThat(filed.at("/ticket/requester_id").longValue()).isEqualTo(sam.id());
        assertThat(filed.at("/ticket/description").stringValue()).contains("ResellCo GmbH", contactEmail, "Hauptstrasse 1");
        assertThat(sam.api().get("/api/v2/tickets/" + ticket).status()).isEqualTo(200);
        Reply audits = sam.api().get("/api/v2/billing_accounts/" + requested.id("billing_account") + "/audits");
        assertThat(audits.at("/audits/0/events/0/value").stringValue()).isEqualTo("requested");
        assertThat(audits.at("/audits/0/author_id").longValue()).isEqualTo(sam.id());
    }

    @Test
    void createdAccountIsProvisioningAndBecomesQuotableAfterTheActivationDelay() throws Exception { // PO-5
        Org partner = desk.aPartner("select");
        Account sam = desk.endUserIn(partner);
        long id = request(sam.api(), null, Desk.unique("inv").toLowerCase() + "@" + partner.domain()).id("billing_account");
        Account billing = member(Groups.BILLING_OPERATIONS);

        Instant before = Instant.now();
        Reply created = billing.api().post("/api/v2/billing_accounts/" + id + "/create", "{}");

        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        assertThat(created.at("/billing_account/status").stringValue()).isEqualTo("provisioning");
        assertThat(created.at("/billing_account/available_for_quoting").booleanValue()).isFalse();
        assertThat(created.at("/billing_account/created_by_id").longValue()).isEqualTo(billing.id());
        Instant activatesAt = Instant.parse(created.at("/billing_account/activates_at").stringValue());
        assertThat(activatesAt).isBetween(before.plus(Duration.ofHours(2)).minusSeconds(1), Instant.now().plus(Duration.ofHours(2)).plusSeconds(1));
        // the activation is a job on the job scheduler, due at the activation time
        Instant due = db.sql("select execution_time from scheduled_tasks where task_name = 'billing-account-activation' and task_instance = ?")
                .param(Long.toString(id)).query(java.sql.Timestamp.class).single().toInstant();
        assertThat(due).isEqualTo(activatesAt);
        assertThat(quotableIds(sam.api(), partner)).doesNotContain(id);

        assertThat(accounts.activate(id, activatesAt.minusSeconds(1))).isEmpty();
        assertThat(sam.api().get("/api/v2/billing_accounts/" + id).at("/billing_account/status").stringValue()).isEqualTo("provisioning");

        assertThat(accounts.activate(id, activatesAt)).isPresent();

        Reply active = sam.api().get("/api/v2/billing_accounts/" + id);
        assertThat(active.at("/billing_account/status").stringValue()).isEqualTo("active");
        assertThat(active.at("/billing_account/available_for_quoting").booleanValue()).isTrue();
        assertThat(quotableIds(sam.api(), partner)).containsExactly(id);
        assertThat(quotableIds(member(Groups.SALES).api(), partner)).containsExactly(id);
        assertThat(accounts.activate(id, activatesAt.plusSeconds(60))).as("a second run changes nothing").isEmpty();
        Reply audits = desk.admin.get("/api/v2/billing_accounts/" + id + "/audits");
        assertThat(audits.at("/audits").valueStream().map(a -> a.at("/events/0/value").stringValue()))
                .containsExactly("requested", "provisioning", "active");
        assertThat(audits.at("/audits/1/author_id").longValue()).isEqualTo(billing.id());
        assertThat(audits.at("/audits/2/author_id").isNull()).isTrue();
        assertThat(audits.at("/audits/2/billing_account_id").longValue()).isEqualTo(id);
        assertThat(audits.at("/audits/2/events/0/previous_value").stringValue()).isEqualTo("provisioning");
        assertThat(audits.at("/audits/2/events/0/note").stringValue()).isEqualTo("activation delay over");
        // the partner hears of it on the ticket, by e-mail through the outbox, and the ticket is solved
        long ticket = active.at("/billing_account/ticket_id").longValue();
        assertThat(desk.admin.get("/api/v2/tickets/" + ticket).at("/ticket/status").stringValue()).isEqualTo("solved");
        MimeMessage mail = awaitMail(sam.email(), "is active");
        assertThat(mail.getSubject()).contains("#" + ticket);
        assertThat(String.valueOf(mail.getContent())).contains("invoice owner");
    }

    @Test
    void theActivationJobRunsOnTheJobScheduler() throws Exception { // PO-5: the scheduler, not the test, activates it
        Org partner = desk.aPartner("open");
        Account sam = desk.endUserIn(partner);
        long id = request(sam.api(), null, Desk.unique("job").toLowerCase() + "@" + partner.domain()).id("billing_account");
        assertThat(member(Groups.BILLING_OPERATIONS).api().post("/api/v2/billing_accounts/" + id + "/create", "{}").status()).isEqualTo(200);

        // as if the two hours had passed: the job is due now (the activation time stays in the past, so it may run)
        db.sql("update billing_accounts set activates_at = now() - interval '1 second' where id = ?").param(id).update();
        db.sql("update scheduled_tasks set execution_time = now() where task_name = 'billing-account-activation' and task_instance = ?")
                .param(Long.toString(id)).update();

        Instant deadline = Instant.now().plusSeconds(20);
        String status = "provisioning";
        while (!status.equals("active") && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
            status = sam.api().get("/api/v2/billing_accounts/" + id).at("/billing_account/status").stringValue();
        }
        assertThat(status).isEqualTo("active");
        // the scheduler removes the execution after the run returned, in a commit of its own
        long left = activations(id);
        while (left > 0 && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
            left = activations(id);
        }
        assertThat(left).as("a one-time job is gone once run").isZero();
    }

    private long activations(long id) {
        return db.sql("select count(*) from scheduled_tasks where task_name = 'billing-account-activation' and task_instance = ?")
                .param(Long.toString(id)).query(Long.class).single();
    }

    @Test
    void onlyBillingOperationsCreateTheAccountAndOnlyOnce() { // PO-5
        Org partner = desk.aPartner("open");
        Account sam = desk.endUserIn(partner);
        long id = request(sam.api(), null, Desk.unique("only").toLowerCase() + "@" + partner.domain()).id("billing_account");
        String path = "/api/v2/billing_accounts/" + id + "/create";

        assertThat(sam.api().post(path, "{}").status()).as("the partner itself").isEqualTo(403);
        assertThat(member(Groups.PARTNER_OPERATIONS).api().post(path, "{}").status()).isEqualTo(403);
        assertThat(member(Groups.SALES).api().post(path, "{}").status()).isEqualTo(403);
        assertThat(desk.agent().api().post(path, "{}").status()).isEqualTo(403);
        assertThat(desk.admin.post(path, "{}").status()).as("an admin outside Billing Operations").isEqualTo(403);
        assertThat(sam.api().get("/api/v2/billing_accounts/" + id).at("/billing_account/status").stringValue()).isEqualTo("requested");

        ApiClient billing = member(Groups.BILLING_OPERATIONS).api();
        assertThat(billing.post(path, "{}").status()).isEqualTo(200);
        Reply again = billing.post(path, "{}");
        assertThat(again.status()).isEqualTo(422);
        assertThat(again.at("/details/status/0/description").stringValue()).contains("already provisioning");
        assertThat(billing.post("/api/v2/billing_accounts/999999999/create", "{}").status()).isEqualTo(404);
    }

    @Test
    void anotherPartnerACustomerAndAStrangerAreRefused() { // PO-5, API-2
        Org partner = desk.aPartner("open");
        Account sam = desk.endUserIn(partner);
        long id = request(sam.api(), null, Desk.unique("mine").toLowerCase() + "@" + partner.domain()).id("billing_account");
        Map<String, Object> values = Map.of("id", id, "org", partner.id());
        String body = requestBody(partner.id(), Desk.unique("x").toLowerCase() + "@" + partner.domain());
        ApiClient otherPartner = desk.endUserIn(desk.aPartner("select")).api();
        ApiClient customer = desk.endUserIn(desk.aCustomer()).api();
        ApiClient stranger = desk.stranger().api();
        long before = count();

        for (String line : new String[] {"GET /api/v2/billing_accounts/{id}", "GET /api/v2/billing_accounts/{id}/audits",
                "GET /api/v2/billing_accounts?organization_id={org}", "POST /api/v2/billing_accounts",
                "POST /api/v2/billing_accounts/{id}/create"}) {
            Endpoint endpoint = Endpoint.of(line);
            // #10 item 15: another's account by id answers as one that does not exist; the rest are refused by role
            int expected = line.startsWith("GET /api/v2/billing_accounts/{id}") ? 404 : 403;
            for (ApiClient refused : new ApiClient[] {otherPartner, customer, stranger}) {
                assertThat(endpoint.send(refused, values, body).status()).as(line).isEqualTo(expected);
            }
            assertThat(endpoint.send(desk.anonymous(), values, body).status()).as(line).isEqualTo(401);
        }
        assertThat(customer.get("/api/v2/billing_accounts").status()).isEqualTo(403);
        assertThat(stranger.get("/api/v2/billing_accounts").status()).isEqualTo(403);
        // another partner's list is its own: empty, never this partner's accounts
        assertThat(otherPartner.get("/api/v2/billing_accounts").at("/billing_accounts").size()).isZero();
        assertThat(sam.api().get("/api/v2/billing_accounts").at("/billing_accounts/0/id").longValue()).isEqualTo(id);
        assertThat(desk.agent().api().post("/api/v2/billing_accounts", body).status()).as("an agent outside the teams").isEqualTo(403);
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void partnerOperationsAskForAPartnerAndAChannelManagerToo() { // PO-5
        Org partner = desk.aPartner("select");
        Account olga = member(Groups.PARTNER_OPERATIONS);

        Reply requested = olga.api().post("/api/v2/billing_accounts", requestBody(partner.id(),
                Desk.unique("po").toLowerCase() + "@" + partner.domain()));
        Reply byManager = member(Groups.CHANNEL_MANAGERS).api().post("/api/v2/billing_accounts", requestBody(partner.id(),
                Desk.unique("cm").toLowerCase() + "@" + partner.domain()));

        assertThat(requested.status()).as(requested.toString()).isEqualTo(201);
        assertThat(byManager.status()).as(byManager.toString()).isEqualTo(201);
        assertThat(requested.at("/billing_account/requested_by_id").longValue()).isEqualTo(olga.id());
    }

    @Test
    void aCustomerContactCannotBecomeABillingContactAndNothingIsWritten() { // PO-5, DIR-3
        Org partner = desk.aPartner("open");
        Account ann = desk.endUserIn(desk.aCustomer());
        long before = count();

        Reply refused = member(Groups.PARTNER_OPERATIONS).api().post("/api/v2/billing_accounts", requestBody(partner.id(), ann.email()));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.at("/details/contact.email/0/error").stringValue()).isEqualTo("DIR-3");
        assertThat(refused.at("/details/contact.email/0/description").stringValue()).contains("customer contact");
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void aContactOfAnotherPartnerIsRefused() { // PO-5, DIR-2
        Org partner = desk.aPartner("open");
        Account elsewhere = desk.endUserIn(desk.aPartner("open"));

        Reply refused = member(Groups.PARTNER_OPERATIONS).api().post("/api/v2/billing_accounts", requestBody(partner.id(), elsewhere.email()));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.at("/details/contact.email/0/description").stringValue()).contains("belongs to " + partner.name());
    }

    @Test
    void anExistingContactOfThePartnerIsReused() { // PO-5
        Org partner = desk.aPartner("open");
        Account existing = desk.endUserIn(partner);

        Reply requested = existing.api().post("/api/v2/billing_accounts", requestBody(null, existing.email()));

        assertThat(requested.status()).as(requested.toString()).isEqualTo(201);
        assertThat(requested.at("/billing_account/contact/user_id").longValue()).isEqualTo(existing.id());
    }

    @Test
    void badInputIsA4xxAndNothingIsWritten() { // PO-5
        Org partner = desk.aPartner("open");
        ApiClient olga = member(Groups.PARTNER_OPERATIONS).api();
        Org customer = desk.aCustomer();
        long before = count();

        Reply missing = olga.post("/api/v2/billing_accounts", "{\"billing_account\":{\"organization_id\":" + partner.id() + "}}");
        Reply badEmail = olga.post("/api/v2/billing_accounts", requestBody(partner.id(), "not-an-address"));
        Reply noOrganization = olga.post("/api/v2/billing_accounts", requestBody(null, "a@" + partner.domain()));
        Reply notAPartner = olga.post("/api/v2/billing_accounts", requestBody(customer.id(), "b@" + customer.domain()));
        Reply unknown = olga.post("/api/v2/billing_accounts", requestBody(999_999_999L, "c@nowhere.test"));
        Reply noRoot = olga.post("/api/v2/billing_accounts", "{\"contact\":{}}");
        Reply badFilter = olga.get("/api/v2/billing_accounts?available_for_quoting=maybe");

        assertThat(missing.status()).isEqualTo(422);
        assertThat(missing.at("/details").has("contact.name")).isTrue();
        assertThat(missing.at("/details").has("contact.email")).isTrue();
        assertThat(missing.at("/details").has("contact.address")).isTrue();
        assertThat(badEmail.status()).isEqualTo(422);
        assertThat(noOrganization.status()).isEqualTo(422);
        assertThat(notAPartner.status()).isEqualTo(422);
        assertThat(notAPartner.at("/details/organization_id/0/error").stringValue()).isEqualTo("PO-5");
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(noRoot.status()).isEqualTo(400);
        assertThat(badFilter.status()).isEqualTo(422);
        assertThat(missing.json().has("error") && missing.json().has("description")).isTrue();
        assertThat(count()).isEqualTo(before);
        assertThat(desk.admin.get("/api/v2/users/search?query=a@" + partner.domain()).at("/users").size()).isZero();
    }

    private Reply request(ApiClient api, Long organizationId, String contactEmail) {
        return api.post("/api/v2/billing_accounts", requestBody(organizationId, contactEmail));
    }

    private static String requestBody(Long organizationId, String contactEmail) {
        return """
                {"billing_account":{"organization_id":%s,"entity_name":"ResellCo GmbH","contact":{"name":"Greta Billing",
                "email":"%s","address":"Hauptstrasse 1, 10115 Berlin"}}}""".formatted(organizationId, contactEmail);
    }

    private java.util.List<Long> quotableIds(ApiClient api, Org partner) {
        return api.get("/api/v2/billing_accounts?available_for_quoting=true&organization_id=" + partner.id()).at("/billing_accounts")
                .valueStream().map(a -> a.get("id").longValue()).toList();
    }

    private long count() {
        return db.sql("select count(*) from billing_accounts").query(Long.class).single();
    }

    private Account member(String group) {
        Account account = desk.agent();
        desk.addToGroup(account, group);
        return account;
    }
}
