package org.partnerdesk.ticket.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.partnerdesk.Desk.OPEN_PARTNER_FORM;
import static org.partnerdesk.Desk.ORGANIZATION_EMAIL;
import static org.partnerdesk.Desk.PARTNER_ENGAGEMENT;
import static org.partnerdesk.Desk.SELECT_PARTNER_FORM;
import static org.partnerdesk.ticket.web.TicketIntakeTest.field;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.partnerdesk.ApiClient;
import org.partnerdesk.ApiClient.Reply;
import org.partnerdesk.ApiTest;
import org.partnerdesk.Desk.Account;
import org.partnerdesk.Desk.Org;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Issue #15 {@code POST /tickets/preview}: the decision create would make, scoped and refused like create, storing nothing. */
class TicketPreviewTest extends ApiTest {

    private static final List<String> TABLES = List.of("tickets", "ticket_comments", "ticket_audits", "ticket_slas", "users",
            "organizations", "organization_memberships", "uploads", "outgoing_mails");

    @Autowired
    JdbcClient db;

    @Test
    void aPartnerFilingForACustomerSeesTheCustomersPremiumSubscriptionNamed() {
        Org acme = desk.aCustomer();
        long premium = desk.subscribe(acme, "premium");
        Account ann = desk.endUserIn(acme);
        Account sam = desk.endUserIn(desk.aPartner("open"));

        Reply preview = preview(sam.api(), OPEN_PARTNER_FORM, "urgent", field(ORGANIZATION_EMAIL, ann.email()),
                field(PARTNER_ENGAGEMENT, "on_behalf_of_customer"));

        assertThat(preview.status()).as(preview.toString()).isEqualTo(200);
        JsonNode p = preview.json().get("preview");
        assertThat(p.at("/entitlement/rule").stringValue()).isEqualTo("ENT-1");
        assertThat(p.at("/entitlement/served_under/kind").stringValue()).isEqualTo("subscription");
        assertThat(p.at("/entitlement/served_under/id").longValue()).isEqualTo(premium);
        assertThat(p.at("/entitlement/served_under/plan").stringValue()).isEqualTo("premium");
        assertThat(p.at("/entitlement/support_level").stringValue()).isEqualTo("priority");
        assertThat(p.at("/entitlement/trace").size()).isPositive();
        assertThat(p.get("served_under_organization_name").stringValue()).isEqualTo(acme.name());
        assertThat(p.get("organization_id").longValue()).isEqualTo(acme.id());
        assertThat(p.get("requester_email").stringValue()).isEqualTo(ann.email());
        assertThat(p.at("/first_reply_target/minutes").longValue()).isEqualTo(30);
        assertThat(p.at("/first_reply_target/hours").stringValue()).isEqualTo("calendar");
        assertThat(p.get("missing").isEmpty()).isTrue();
    }

    @Test
    void aMistypedCustomerDomainIsNeedsOrgWithTheKnownDomainSuggested() {
        Org acme = desk.aCustomer();
        desk.subscribe(acme, "premium");
        Account ann = desk.endUserIn(acme);
        Account sam = desk.endUserIn(desk.aPartner("open"));
        String typo = acme.domain().replace(".test", ".tset");
        String typed = ann.email().replace(acme.domain(), typo);

        JsonNode p = preview(sam.api(), OPEN_PARTNER_FORM, null, field(ORGANIZATION_EMAIL, typed),
                field(PARTNER_ENGAGEMENT, "on_behalf_of_customer")).json().get("preview");

        assertThat(p.at("/entitlement/rule").stringValue()).isEqualTo("ENT-7");
        assertThat(p.at("/entitlement/flags").valueStream().map(JsonNode::stringValue).toList()).containsExactly("needs_org");
        assertThat(p.at("/missing/0/flag").stringValue()).isEqualTo("needs_org");
        assertThat(p.at("/missing/0/description").stringValue()).contains(typed, "names no known contact");
        assertThat(p.at("/did_you_mean/typed").stringValue()).isEqualTo(typo);
        assertThat(p.at("/did_you_mean/domain").stringValue()).isEqualTo(acme.domain());
        assertThat(p.at("/did_you_mean/email").stringValue()).isEqualTo(ann.email());
        assertThat(p.get("first_reply_target").isNull()).isTrue();
    }

    @Test
    void theSuggestionFollowsAChangedCustomerDomainAndNeverNamesAPartnersDomain() {
        Org acme = desk.aCustomer();
        Org resellCo = desk.aPartner("open");
        Account sam = desk.endUserIn(resellCo);
        String moved = "moved-" + acme.domain();
        Reply put = desk.admin.put("/api/v2/organizations/" + acme.id(), """
                {"organization":{"domain_names":["%s"]}}""".formatted(moved));
        assertThat(put.status()).as(put.toString()).isEqualTo(200);

        JsonNode toMoved = preview(sam.api(), OPEN_PARTNER_FORM, null,
                field(ORGANIZATION_EMAIL, "ann@" + moved.replace(".test", ".tset"))).json().get("preview");
        JsonNode toPartner = preview(sam.api(), OPEN_PARTNER_FORM, null,
                field(ORGANIZATION_EMAIL, "ann@" + resellCo.domain().replace(".test", ".tset"))).json().get("preview");

        assertThat(toMoved.at("/did_you_mean/domain").stringValue()).isEqualTo(moved);
        assertThat(toPartner.get("did_you_mean").isNull()).as(toPartner.toString()).isTrue();
    }

    @Test
    void aKnownDomainWithAnUnknownContactGetsNoSuggestion() {
        Org acme = desk.aCustomer();
        Account sam = desk.endUserIn(desk.aPartner("open"));

        JsonNode p = preview(sam.api(), OPEN_PARTNER_FORM, null, field(ORGANIZATION_EMAIL, "nobody@" + acme.domain())).json().get("preview");

        assertThat(p.at("/entitlement/flags").valueStream().map(JsonNode::stringValue).toList()).contains("needs_org");
        assertThat(p.get("did_you_mean").isNull()).isTrue();
    }

    @Test
    void anOpenPartnersOwnWorkOnItsTrackFormIsServedUnderItsOwnSubscriptionAndPointedToTheSupportForm() {
        Org resellCo = desk.aPartner("open");
        long own = desk.subscribe(resellCo, "starter");
        Account sam = desk.endUserIn(resellCo);

        JsonNode p = preview(sam.api(), OPEN_PARTNER_FORM, null, field(PARTNER_ENGAGEMENT, "partner_commercial_work")).json().get("preview");

        assertThat(p.at("/entitlement/rule").stringValue()).isEqualTo("ENT-4");
        assertThat(p.at("/entitlement/served_under/id").longValue()).isEqualTo(own);
        assertThat(p.at("/advice/0").stringValue()).startsWith("An Open partner's own work goes on the Support form (ENT-4)");
    }

    @Test
    void aStrangerIsUnauthorized() {
        Reply preview = desk.anonymous().post("/api/v2/tickets/preview", body(OPEN_PARTNER_FORM, null, ""));

        assertThat(preview.status()).isEqualTo(401);
    }

    @Test
    void aPreviewStoresNothingNotEvenTheUnknownPeopleItWouldCopy() {
        Org acme = desk.aCustomer();
        desk.subscribe(acme, "premium");
        Account ann = desk.endUserIn(acme);
        Account sam = desk.endUserIn(desk.aPartner("open"));
        String newcomer = "newcomer-" + System.nanoTime() + "@" + acme.domain();
        Instant start = db.sql("select now()").query(Instant.class).single();
        Map<String, Long> before = counts();

        Reply preview = sam.api().post("/api/v2/tickets/preview", """
                {"ticket":{"subject":"Pipeline fails","comment":{"body":"Runner crashes"},"ticket_form_id":%d,"priority":"high",
                 "custom_fields":[%s,%s],"email_ccs":[{"user_email":"%s"}]}}""".formatted(OPEN_PARTNER_FORM,
                field(ORGANIZATION_EMAIL, ann.email()), field(PARTNER_ENGAGEMENT, "services_engagement"), newcomer));

        assertThat(preview.status()).as(preview.toString()).isEqualTo(200);
        assertThat(counts()).isEqualTo(before);
        assertThat(db.sql("select count(*) from users where email = ?").param(newcomer).query(Long.class).single()).isZero();
        assertThat(db.sql("select count(*) from event_publication where publication_date >= ?").param(java.sql.Timestamp.from(start))
                .query(Long.class).single()).isZero();
    }

    @Test
    void badInputIsRefusedExactlyAsCreateRefusesIt() {
        Account sam = desk.endUserIn(desk.aPartner("open"));
        Account other = desk.endUserIn(desk.aCustomer());
        List<String> bodies = List.of(
                "{\"ticket\":{\"subject\":\"x\",\"comment\":{\"body\":\"y\"},\"ticket_form_id\":1}}",
                "{\"ticket\":{\"subject\":\"x\",\"comment\":{\"body\":\"y\",\"public\":false}}}",
                "{\"ticket\":{\"subject\":\"x\",\"comment\":{\"body\":\"y\"},\"requester_id\":" + other.id() + "}}",
                "{\"ticket\":{\"subject\":\"x\"}}",
                "{\"ticket\":{\"subject\":\"x\",\"comment\":{\"body\":\"y\",\"uploads\":[\"not-a-token\"]}}}",
                "{\"ticket\":{\"subject\":\"x\",\"comment\":{\"body\":\"y\"},\"priority\":\"someday\"}}",
                "{\"nothing\":{}}");

        for (String body : bodies) {
            Reply create = sam.api().post("/api/v2/tickets", body);
            Reply preview = sam.api().post("/api/v2/tickets/preview", body);
            assertThat(create.status()).as(body).isBetween(400, 499);
            assertThat(preview.status()).as(body).isEqualTo(create.status());
            assertThat(preview.json()).as(body).isEqualTo(create.json());
        }
    }

    @Test
    void aSelectPartnerFormFromAnOpenPartnerIsAQuestionNotAPlan() {
        Account sam = desk.endUserIn(desk.aPartner("open"));

        JsonNode p = preview(sam.api(), SELECT_PARTNER_FORM, null).json().get("preview");

        assertThat(p.at("/entitlement/rule").stringValue()).isEqualTo("ENT-9");
        assertThat(p.at("/missing/0/flag").stringValue()).isEqualTo("clarify");
        assertThat(p.at("/missing/0/description").stringValue()).contains("another partner track");
    }

    private Reply preview(ApiClient api, long form, String priority, String... fields) {
        return api.post("/api/v2/tickets/preview", body(form, priority, String.join(",", fields)));
    }

    private static String body(long form, String priority, String fields) {
        return """
                {"ticket":{"subject":"Pipeline fails","comment":{"body":"Runner crashes"},"ticket_form_id":%d,%s"custom_fields":[%s]}}"""
                .formatted(form, priority == null ? "" : "\"priority\":\"" + priority + "\",", fields);
    }

    private Map<String, Long> counts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : TABLES) {
            counts.put(table, db.sql("select count(*) from " + table).query(Long.class).single());
        }
        return counts;
    }
}
