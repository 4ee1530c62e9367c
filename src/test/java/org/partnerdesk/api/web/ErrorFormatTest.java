package org.partnerdesk.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.partnerdesk.ApiClient.Reply;
import org.partnerdesk.ApiTest;
import org.partnerdesk.Desk;
import org.partnerdesk.Desk.Account;

/**
 * #10 item 8: a refusal is written in the API's error shape, as JSON, whatever the request's Accept header asks for,
 * and whichever layer refuses (a controller, the servlet container).
 */
class ErrorFormatTest extends ApiTest {

    @Test
    void aTicketTheCallerMayNotSeeIsRefusedInJsonWhateverItAccepts() {
        Account ann = desk.endUserIn(desk.aCustomer());
        Account eve = desk.stranger();
        long ticket = ann.api().post("/api/v2/tickets", """
                {"ticket":{"subject":"private","comment":{"body":"b"},"ticket_form_id":%d}}""".formatted(Desk.SUPPORT_FORM)).id("ticket");

        for (String accept : new String[] {"application/xml", "text/html", "image/png", "text/plain", "application/xml;q=1, */*;q=0"}) {
            Reply hidden = eve.api().withHeader("Accept", accept).get("/api/v2/tickets/" + ticket);
            Reply missing = eve.api().withHeader("Accept", accept).get("/api/v2/tickets/999999999");

            assertJsonError(hidden, 404, accept); // another's ticket answers as a missing one (#10 item 15)
            assertJsonError(missing, 404, accept);
        }
    }

    @Test
    void anAnswerTheCallerDoesNotAcceptIsA406InJson() {
        Reply reply = desk.admin.withHeader("Accept", "image/png").get("/api/v2/users/me");

        assertJsonError(reply, 406, "image/png");
        assertThat(reply.at("/error").stringValue()).isEqualTo("NotAcceptable");
    }

    @Test
    void aPathTheServerCannotReadIsA400InJson() {
        for (String path : new String[] {"/api/v2/users/%00", "/api/v2/users/%2e%2e%2f%2e%2e%2fetc", "/api/v2/tickets/1%00.json"}) {
            Reply reply = desk.admin.withHeader("Accept", "text/html").get(path);

            assertJsonError(reply, 400, path);
        }
    }

    private static void assertJsonError(Reply reply, int status, String what) {
        assertThat(reply.status()).as(what + " -> " + reply).isEqualTo(status);
        assertThat(reply.header("Content-Type")).as(what).startsWith("application/json");
        assertThat(reply.at("/error").isString()).as(what + " -> " + reply).isTrue();
        assertThat(reply.at("/description").isString()).as(what).isTrue();
    }
}
