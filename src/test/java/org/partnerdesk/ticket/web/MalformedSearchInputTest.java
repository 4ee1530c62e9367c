package org.partnerdesk.ticket.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.partnerdesk.ApiClient.Reply;
import org.partnerdesk.ApiTest;

/**
 * #10 item 7 (TKT-5, TKT-6): a search or a queue page the desk cannot read is the caller's 400 in the error shape,
 * never a 500: dates outside 1900..9999, NUL characters, bytes that are not UTF-8, and cursors it never gave out.
 */
class MalformedSearchInputTest extends ApiTest {

    @Test
    void datesOutsideTheSupportedYearsAreRefusedInSearch() {
        for (String query : new String[] {"created>+999999999-12-31T23:59:59Z", "created<-999999999-01-01T00:00:00Z",
                "updated<+999999999-12-31T23:59:59-18:00", "created>1899-12-31", "updated:0001-01-01", "created<=+10000-01-01T00:00:00Z"}) {

            Reply reply = desk.admin.get("/api/v2/search?query=" + encoded(query));

            assertThat(reply.status()).as(query + " -> " + reply).isEqualTo(400);
            assertThat(reply.at("/error").stringValue()).as(query).isEqualTo("InvalidSearch");
        }
        assertThat(desk.admin.get("/api/v2/search?query=" + encoded("created>1900-01-01 created<9999-12-31")).status()).isEqualTo(200);
    }

    @Test
    void aNulInAQueryOrAFieldTermIsRefused() {
        for (String query : new String[] {"%00", "crash%00", "status:%00", "tags:a%00b", "requester:ann%00@acme.test",
                "organization:%22Ac%00me%22", "%22phrase%00%22"}) {

            Reply search = desk.admin.get("/api/v2/search?query=" + query);
            Reply count = desk.admin.get("/api/v2/search/count?query=" + query);

            assertThat(search.status()).as(query + " -> " + search).isEqualTo(400);
            assertThat(search.at("/details/query/0/error").stringValue()).isEqualTo("invalid_character");
            assertThat(count.status()).as(query + " -> " + count).isEqualTo(400);
        }
        Reply lookup = desk.admin.get("/api/v2/organizations/search?external_id=A%001");
        assertThat(lookup.status()).as(lookup.toString()).isEqualTo(400);
        assertThat(lookup.at("/details/external_id/0/error").stringValue()).isEqualTo("invalid_character");
        assertThat(desk.admin.get("/api/v2/users/search?query=ann%00").status()).isEqualTo(400);
    }

    @Test
    void bytesThatAreNotUtf8AreRefused() {
        for (String query : new String[] {"%ff%fe%c3", "ok%c3", "%ed%a0%80", "%c0%af"}) {

            Reply reply = desk.admin.get("/api/v2/search?query=" + query);

            assertThat(reply.status()).as(query + " -> " + reply).isEqualTo(400);
            assertThat(reply.at("/error").stringValue()).isEqualTo("InvalidParameter");
            assertThat(reply.at("/details/query/0/error").stringValue()).isEqualTo("invalid_encoding");
        }
        assertThat(desk.admin.get("/api/v2/search?query=caf%C3%A9").status()).isEqualTo(200);
    }

    @Test
    void aCraftedQueueCursorIsRefused() {
        for (String cursor : new String[] {"key:5:+999999999-12-31T23:59:59Z", "key:5:-999999999-01-01T00:00:00Z",
                "key:5:1800-01-01T00:00:00Z", "key:5:not-a-time", "key:99999999999999999999:2026-01-01T00:00:00Z", "id:5"}) {
            String after = Base64.getUrlEncoder().withoutPadding().encodeToString(cursor.getBytes(StandardCharsets.UTF_8));

            Reply reply = desk.admin.get("/api/v2/views/tickets?sort=sla_due&page[after]=" + after);

            assertThat(reply.status()).as(cursor + " -> " + reply).isEqualTo(400);
            assertThat(reply.at("/error").stringValue()).isEqualTo("InvalidPaginationParameter");
        }
        assertThat(desk.admin.get("/api/v2/views/tickets?sort=sla_due&page[after]=%C3%A9%00").status()).isEqualTo(400);
        String inRange = Base64.getUrlEncoder().withoutPadding().encodeToString("key:5:2026-01-01T00:00:00Z".getBytes(StandardCharsets.UTF_8));
        assertThat(desk.admin.get("/api/v2/views/tickets?sort=sla_due&page[after]=" + inRange).status()).isEqualTo(200);
    }

    private static String encoded(String query) {
        return URLEncoder.encode(query, StandardCharsets.UTF_8);
    }
}
