package org.partnerdesk.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.partnerdesk.ApiClient;
import org.partnerdesk.ApiClient.Reply;
import org.partnerdesk.ApiTest;
import org.partnerdesk.Desk.Account;

/**
 * Issue #12: someone who may not do a thing hears 403 at once, not first a 422 listing the fields the body lacks
 * (which would tell them what to fix, only to be refused after fixing it).
 */
class AuthorizeBeforeValidatingTest extends ApiTest {

    private static final String INCOMPLETE = "{\"%s\":{}}";

    @Test
    void aPartnersIncompleteStarRequestIsForbiddenNotInvalid() { // TKT-7
        ApiClient partner = desk.endUserIn(desk.aPartner("open")).api();

        assertForbidden(partner.post("/api/v2/star_requests", INCOMPLETE.formatted("star_request")));
    }

    @Test
    void anAgentsIncompleteNfrRequestIsForbiddenNotInvalid() { // PO-3: partners submit
        assertForbidden(desk.agent().api().post("/api/v2/nfr_requests", INCOMPLETE.formatted("nfr_request")));
    }

    @Test
    void anIncompleteNfrExceptionFromSomeoneOutsideChannelManagersIsForbidden() { // PO-4
        assertForbidden(desk.agent().api().post("/api/v2/nfr_exceptions", INCOMPLETE.formatted("nfr_exception")));
    }

    @Test
    void anIncompleteCertificationFromSomeoneOutsidePartnerOperationsIsForbidden() { // PO-3
        assertForbidden(desk.agent().api().post("/api/v2/certifications", INCOMPLETE.formatted("certification")));
    }

    @Test
    void anIncompleteBillingAccountRequestFromAnAgentOutsideTheTeamsIsForbidden() { // PO-5
        assertForbidden(desk.agent().api().post("/api/v2/billing_accounts", INCOMPLETE.formatted("billing_account")));
        Account stranger = desk.stranger();
        assertForbidden(stranger.api().post("/api/v2/billing_accounts", INCOMPLETE.formatted("billing_account")));
    }

    @Test
    void anIncompleteManualPartnerAccountFromOutsideIsForbidden() { // PO-1
        Reply refused = desk.anonymous().post("/api/v2/partner_applications", """
                {"partner_application":{"manual_reason":"by hand"}}""");

        assertForbidden(refused);
    }

    @Test
    void aDeclineWithoutReasonFromOutsidePartnerOperationsIsForbidden() { // PO-1, PO-2: the reason is required, the team first
        ApiClient agent = desk.agent().api();

        assertForbidden(agent.post("/api/v2/partner_applications/1/decline", "{}"));
        assertForbidden(agent.post("/api/v2/portal_access_requests/1/decline", "{}"));
    }

    @Test
    void aTokenForSomeoneElseWithAnOverlongDescriptionIsForbidden() { // API-2
        Account stranger = desk.stranger();

        assertForbidden(stranger.api().post("/api/v2/api_tokens", """
                {"api_token":{"user_id":%d,"description":"%s"}}""".formatted(stranger.id() + 1, "x".repeat(300))));
    }

    private static void assertForbidden(Reply reply) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(403);
        assertThat(reply.at("/error").stringValue()).isEqualTo("Forbidden");
    }
}
