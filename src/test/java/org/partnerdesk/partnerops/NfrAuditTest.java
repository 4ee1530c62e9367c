package org.partnerdesk.partnerops;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.partnerdesk.ApiClient.Reply;
import org.partnerdesk.Desk.Account;

/** PO-3, PO-4: the audited transitions of NFR requests and exceptions, readable by staff in Zendesk's audit shape. */
class NfrAuditTest extends NfrApiTest {

    @Test // PO-3, PO-4
    void staffReadTheAuditsOfARequestAndOfItsExceptionInCursorPages() {
        Account channelDirector = nfr.member("Channel Directors");
        Account channelManager = nfr.channelManagerOf(channelDirector);
        Account sam = nfr.eligiblePartnerUser(desk.aPartner("open"));
        long request = nfr.ask(sam, 10).id("nfr_request");
        long exception = channelManager.api().post("/api/v2/nfr_exceptions", """
                {"nfr_exception":{"nfr_request_id":%d,"users":40,"business_justification":"Demo lab"}}""".formatted(request))
                .id("nfr_exception");
        channelDirector.api().post("/api/v2/nfr_exceptions/" + exception + "/decisions", """
                {"decision":{"verdict":"approve","comment":"fine"}}""");

        Reply requestAudits = desk.agent().api().get("/api/v2/nfr_requests/" + request + "/audits");
        assertThat(requestAudits.status()).as(requestAudits.toString()).isEqualTo(200);
        assertThat(requestAudits.at("/audits/0/action").stringValue()).isEqualTo("submit");
        assertThat(requestAudits.at("/audits/0/nfr_request_id").longValue()).isEqualTo(request);
        assertThat(requestAudits.at("/audits/0/author_id").longValue()).isEqualTo(sam.id());
        assertThat(requestAudits.at("/audits/0/events/0/type").stringValue()).isEqualTo("Change");

        Reply first = desk.admin.get("/api/v2/nfr_exceptions/" + exception + "/audits?page[size]=1");
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(first.at("/audits/0/action").stringValue()).isEqualTo("request");
        assertThat(first.at("/audits/0/author_id").longValue()).isEqualTo(channelManager.id());
        assertThat(first.at("/meta/has_more").booleanValue()).isTrue();
        Reply second = desk.admin.get(first.at("/links/next").stringValue());
        assertThat(second.at("/audits/0/action").stringValue()).isEqualTo("decide");
        assertThat(second.at("/audits/0/author_id").longValue()).isEqualTo(channelDirector.id());
        assertThat(second.at("/audits/0/nfr_exception_id").longValue()).isEqualTo(exception);

        // API-2: staff only; a stranger, the partner itself, another partner and a customer are refused
        for (Account refused : List.of(desk.stranger(), sam, desk.endUserIn(desk.aPartner("select")), desk.endUserIn(desk.aCustomer()))) {
            for (String path : List.of("/api/v2/nfr_requests/" + request + "/audits", "/api/v2/nfr_exceptions/" + exception + "/audits")) {
                Reply refusal = refused.api().get(path);
                assertThat(refusal.status()).as(refused.email() + " " + path).isEqualTo(403);
                assertThat(refusal.json().has("error")).isTrue();
            }
        }
        assertThat(desk.anonymous().get("/api/v2/nfr_requests/" + request + "/audits").status()).isEqualTo(401);
        assertThat(desk.agent().api().get("/api/v2/nfr_requests/999999999/audits").status()).isEqualTo(404);
    }
}
