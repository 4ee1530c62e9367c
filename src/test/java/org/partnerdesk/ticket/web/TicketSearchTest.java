package org.partnerdesk.ticket.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.partnerdesk.Desk.OPEN_PARTNER_FORM;
import static org.partnerdesk.Desk.ORGANIZATION_EMAIL;
import static org.partnerdesk.Desk.PARTNER_ENGAGEMENT;
import static org.partnerdesk.Desk.SUPPORT_FORM;
import static org.partnerdesk.ticket.web.TicketIntakeTest.field;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.partnerdesk.ApiClient;
import org.partnerdesk.ApiClient.Reply;
import org.partnerdesk.ApiTest;
import org.partnerdesk.Desk.Account;
import org.partnerdesk.Desk.Org;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** TKT-6 over the API: Zendesk search syntax over subjects, comments and fields, scoped as API-2 says. */
class TicketSearchTest extends ApiTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void findsATicketByAWordInItsSubject() {
        String word = word();
        Account ann = desk.endUserIn(desk.aCustomer());
        long id = file(ann.api(), SUPPORT_FORM, "Runner " + word + " crashes", "Nothing else to say");

        Reply found = search(desk.admin, word);

        assertThat(found.status()).as(found.toString()).isEqualTo(200);
        assertThat(ids(found)).containsExactly(id);
        assertThat(found.at("/count").longValue()).isEqualTo(1);
        assertThat(found.at("/results/0/result_type").stringValue()).isEqualTo("ticket");
        assertThat(found.at("/results/0/subject").stringValue()).isEqualTo("Runner " + word + " crashes");
        assertThat(found.at("/next_page").isNull()).isTrue();
        assertThat(desk.admin.get("/api/v2/search/count.json?query=" + encode(word)).at("/count").longValue()).isEqualTo(1);
    }

    @Test
    void findsStemmedFormsOfAWord() {
        String word = word();
        Account ann = desk.endUserIn(desk.aCustomer());
        long id = file(ann.api(), SUPPORT_FORM, "Backups failing on " + word, "Every night");

        assertThat(ids(search(desk.admin, "fails " + word))).containsExactly(id);
    }

    @Test
    void findsATicketByAWordOnlyInALaterComment() {
        String word = word();
        Account ann = desk.endUserIn(desk.aCustomer());
        long id = file(ann.api(), SUPPORT_FORM, "Slow pages", "They are slow");
        assertThat(ids(search(desk.admin, word))).isEmpty();

        Reply commented = desk.agent().api().put("/api/v2/tickets/" + id, """
                {"ticket":{"comment":{"body":"Found it: the %s cache was cold","public":true}}}""".formatted(word));
        assertThat(commented.status()).as(commented.toString()).isEqualTo(200);

        assertThat(ids(search(desk.admin, word))).containsExactly(id);
        assertThat(ids(search(ann.api(), word))).containsExactly(id);
    }

    @Test
    void anInternalNoteIsSearchableByAgentsButNotByTheRequester() {
        String word = word();
        Account ann = desk.endUserIn(desk.aCustomer());
        long id = file(ann.api(), SUPPORT_FORM, "Invoice question", "Which invoice?");
        desk.agent().api().put("/api/v2/tickets/" + id, """
                {"ticket":{"comment":{"body":"Internal: %s suspects a duplicate","public":false}}}""".formatted(word));

        assertThat(ids(search(desk.admin, word))).containsExactly(id);
        assertThat(ids(search(ann.api(), word))).isEmpty();
    }

    @Test
    void aQuotedPhraseMatchesTheWordsInOrder() {
        String word = word();
        Account ann = desk.endUserIn(desk.aCustomer());
        long inOrder = file(ann.api(), SUPPORT_FORM, word + " database timeout", "x");
        long reversed = file(ann.api(), SUPPORT_FORM, word + " timeout of the database", "x");

        assertThat(ids(search(desk.admin, word + " \"database timeout\""))).containsExactly(inOrder);
        assertThat(ids(search(desk.admin, word + " database timeout"))).containsExactlyInAnyOrder(inOrder, reversed);
    }

    @Test
    void statusTermsFilterIncludingRanges() {
        String word = word();
        Account ann = desk.endUserIn(desk.aCustomer());
        long fresh = file(ann.api(), SUPPORT_FORM, word + " one", "x");
        long solved = file(ann.api(), SUPPORT_FORM, word + " two", "x");
        desk.admin.put("/api/v2/tickets/" + solved, "{\"ticket\":{\"status\":\"solved\"}}");

        assertThat(ids(search(desk.admin, word + " status:new"))).containsExactly(fresh);
        assertThat(ids(search(desk.admin, word + " status:solved"))).containsExactly(solved);
        assertThat(ids(search(desk.admin, word + " status<solved"))).containsExactly(fresh);
        assertThat(ids(search(desk.admin, word + " -status:solved"))).containsExactly(fresh);
    }

    @Test
    void findsByRequesterEmailOrganizationNameAndPartnerName() {
        Org acme = desk.aCustomer();
        desk.subscribe(acme, "premium");
        Account ann = desk.endUserIn(acme);
        Org resellCo = desk.aPartner("open");
        Account sam = desk.endUserIn(resellCo);
        long viaPartner = file(sam.api(), OPEN_PARTNER_FORM, "Pipeline fails", "Runner crashes",
                field(ORGANIZATION_EMAIL, ann.email()), field(PARTNER_ENGAGEMENT, "on_behalf_of_customer"));
        long direct = file(ann.api(), SUPPORT_FORM, "Login broken", "Cannot log in");

        assertThat(ids(search(desk.admin, "requester:" + ann.email().toUpperCase()))).containsExactlyInAnyOrder(viaPartner, direct);
        assertThat(ids(search(desk.admin, "organization:" + acme.name()))).containsExactlyInAnyOrder(viaPartner, direct);
        assertThat(ids(search(desk.admin, "organization:\"" + acme.name() + "\" pipeline"))).containsExactly(viaPartner);
        assertThat(ids(search(desk.admin, "partner:" + resellCo.name()))).containsExactly(viaPartner);
        assertThat(ids(search(desk.admin, "type:ticket partner:" + resellCo.name().substring(0, resellCo.name().length() - 3) + "*")))
                .containsExactly(viaPartner);
    }

    @Test
    void findsTicketsThatNeedAnOrganization() {
        String word = word();
        Account sam = desk.endUserIn(desk.aPartner("open"));
        long unknownCustomer = file(sam.api(), OPEN_PARTNER_FORM, word + " help", "Please help",
                field(ORGANIZATION_EMAIL, "typo@nowhere.test"), field(PARTNER_ENGAGEMENT, "on_behalf_of_customer"));
        long own = file(sam.api(), SUPPORT_FORM, word + " own work", "Ours");

        assertThat(ids(search(desk.admin, word + " flag:needs_org"))).containsExactly(unknownCustomer);
        assertThat(ids(search(desk.admin, word + " -flag:needs_org"))).containsExactly(own);
    }

    @Test
    void findsByTag() {
        String tag = word();
        Account ann = desk.endUserIn(desk.aCustomer());
        Reply created = ann.api().post("/api/v2/tickets", """
                {"ticket":{"subject":"Tagged","comment":{"body":"x"},"tags":["%s","vip"]}}""".formatted(tag));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);

        assertThat(ids(search(desk.admin, "tags:" + tag))).containsExactly(created.id("ticket"));
        assertThat(ids(search(desk.admin, "tags:" + tag + " priority:urgent"))).isEmpty();
    }

    @Test
    void anEndUserNeverFindsOtherPeoplesTickets() {
        String word = word();
        Org acme = desk.aCustomer();
        Account ann = desk.endUserIn(acme);
        Account bob = desk.endUserIn(acme);
        long annsTicket = file(ann.api(), SUPPORT_FORM, word + " mine", "x");
        long bobsTicket = file(bob.api(), SUPPORT_FORM, word + " his", "x");

        assertThat(ids(search(ann.api(), word))).containsExactly(annsTicket);
        assertThat(ids(search(bob.api(), word))).containsExactly(bobsTicket);
        assertThat(ids(search(ann.api(), "requester:" + bob.email()))).isEmpty();
        assertThat(search(ann.api(), word).at("/count").longValue()).isEqualTo(1);
        assertThat(ids(search(desk.agent().api(), word))).containsExactlyInAnyOrder(annsTicket, bobsTicket);
    }

    @Test
    void pagesThroughResultsWithNextPage() {
        String word = word();
        Account ann = desk.endUserIn(desk.aCustomer());
        Set<Long> filed = new HashSet<>();
        for (int i = 0; i < 5; i++) {
            filed.add(file(ann.api(), SUPPORT_FORM, word + " number " + i, "x"));
        }

        Reply first = desk.admin.get("/api/v2/search.json?per_page=2&sort_by=created_at&sort_order=asc&query=" + encode(word));
        assertThat(first.at("/count").longValue()).isEqualTo(5);
        assertThat(first.at("/previous_page").isNull()).isTrue();
        Set<Long> seen = new HashSet<>(ids(first));
        String next = first.at("/next_page").stringValue();
        int pages = 1;
        while (next != null) {
            assertThat(next).startsWith(baseUrl() + "/api/v2/search");
            Reply page = desk.admin.get(next);
            assertThat(page.at("/previous_page").isNull()).isFalse();
            seen.addAll(ids(page));
            next = page.at("/next_page").isNull() ? null : page.at("/next_page").stringValue();
            pages++;
        }
        assertThat(pages).isEqualTo(3);
        assertThat(seen).isEqualTo(filed);
        assertThat(ids(first)).containsExactly(ids(first).stream().sorted().toArray(Long[]::new));
    }

    @Test
    void anUnknownFieldTermIsABadRequestThatSaysWhatIsUnderstood() {
        Reply refused = search(desk.admin, "colour:blue");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.at("/description").stringValue()).contains("colour:blue").contains("status").contains("requester");
        assertThat(search(desk.admin, "status:sleeping").status()).isEqualTo(400);
        assertThat(search(desk.admin, "flag:needs_love").status()).isEqualTo(400);
        assertThat(search(desk.admin, "").status()).isEqualTo(400);
        assertThat(desk.admin.get("/api/v2/search?query=x&per_page=101").status()).isEqualTo(400);
        assertThat(desk.admin.get("/api/v2/search?query=x&page=11&per_page=100").status()).isEqualTo(400);
        assertThat(desk.admin.get("/api/v2/search?query=x&sort_by=mood").status()).isEqualTo(400);
    }

    @Test
    void sqlLookingInputIsOnlyEverSearchedFor() {
        String word = word();
        Account ann = desk.endUserIn(desk.aCustomer());
        long id = file(ann.api(), SUPPORT_FORM, word + " harmless", "x");

        for (String attack : List.of("' or 1=1 --", "x'); drop table tickets; --", "requester:\"' or ''='\"",
                "organization:%' or true --", "tags:a'] or true --", "\" & !!", "a:b:c", "partner:*", "(|)&!<->:*")) {
            Reply reply = search(ann.api(), attack);
            assertThat(reply.status()).as(attack + " -> " + reply).isIn(200, 400);
            if (reply.status() == 200) {
                assertThat(ids(reply)).as(attack).allMatch(found -> found == id);
            }
        }
        assertThat(ids(search(desk.admin, word))).containsExactly(id);
    }

    @Test
    void aSearchForUsersAnswersAnEmptyListForNow() {
        Reply reply = search(desk.admin, "type:user ann");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.at("/results").size()).isZero();
        assertThat(reply.at("/count").longValue()).isZero();
    }

    @Test
    void repeatedTermsOfOneFieldMatchAnyOfTheirValues() { // TKT-6, as Zendesk: status:open status:pending is either
        String word = word();
        Account ann = desk.endUserIn(desk.aCustomer());
        long fresh = file(ann.api(), SUPPORT_FORM, word + " one", "x");
        long pending = file(ann.api(), SUPPORT_FORM, word + " two", "x");
        long solved = file(ann.api(), SUPPORT_FORM, word + " three", "x");
        desk.admin.put("/api/v2/tickets/" + pending, "{\"ticket\":{\"status\":\"pending\",\"tags\":[\"red\"]}}");
        desk.admin.put("/api/v2/tickets/" + solved, "{\"ticket\":{\"status\":\"solved\",\"tags\":[\"blue\"]}}");

        assertThat(ids(search(desk.admin, word + " status:new status:pending"))).containsExactlyInAnyOrder(fresh, pending);
        assertThat(ids(search(desk.admin, word + " status:new status=solved"))).containsExactlyInAnyOrder(fresh, solved);
        assertThat(ids(search(desk.admin, word + " tags:red tag:blue"))).containsExactlyInAnyOrder(pending, solved);
        assertThat(ids(search(desk.admin, word + " tags:red tags:blue status:solved"))).containsExactly(solved);
        assertThat(ids(search(desk.admin, word + " -status:new -status:pending"))).containsExactly(solved);
        assertThat(ids(search(desk.admin, word + " status>new status<solved"))).containsExactly(pending); // a range: both hold
    }

    @Test
    void createdAndUpdatedTermsTakeADayOrATime() { // TKT-6, Zendesk's created>2026-01-01
        String word = word();
        Account ann = desk.endUserIn(desk.aCustomer());
        long id = file(ann.api(), SUPPORT_FORM, word + " dated", "x");
        Instant created = Instant.parse(desk.admin.get("/api/v2/tickets/" + id).at("/ticket/created_at").stringValue());
        String day = created.atZone(ZoneOffset.UTC).toLocalDate().toString();
        String dayBefore = created.atZone(ZoneOffset.UTC).toLocalDate().minusDays(1).toString();

        assertThat(ids(search(desk.admin, word + " created:" + day))).containsExactly(id);
        assertThat(ids(search(desk.admin, word + " created>=" + day + " created<=" + day))).containsExactly(id);
        assertThat(ids(search(desk.admin, word + " created>" + dayBefore))).containsExactly(id);
        assertThat(ids(search(desk.admin, word + " created>" + day))).isEmpty();
        assertThat(ids(search(desk.admin, word + " created<" + day))).isEmpty();
        assertThat(ids(search(desk.admin, word + " created:" + dayBefore + " created:" + day))).containsExactly(id);
        assertThat(ids(search(desk.admin, word + " -created:" + day))).isEmpty();
        assertThat(ids(search(desk.admin, word + " created>" + created.minusSeconds(60)))).containsExactly(id);
        assertThat(ids(search(desk.admin, word + " created<" + created.minusSeconds(60)))).isEmpty();
        assertThat(ids(search(desk.admin, word + " updated>2000-01-01 updated<2999-01-01"))).containsExactly(id);
        assertThat(ids(search(desk.admin, word + " updated<2000-01-01"))).isEmpty();

        Reply refused = search(desk.admin, word + " created>yesterdayish");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.at("/description").stringValue()).contains("created", "2026-01-01");
        assertThat(search(desk.admin, word + " created>2026-02-30").status()).isEqualTo(400);
    }

    @Test
    void answersTheNewestThousandMatchesAndCountsAtMostAThousand() { // TKT-6, as Zendesk: at most 1,000 results
        String word = word();
        Account ann = desk.endUserIn(desk.aCustomer());
        long first = file(ann.api(), SUPPORT_FORM, word + " original", "x");
        // 1,004 copies straight into the table: filing them over the API would take most of this test's time
        String columns = jdbc.sql("select string_agg(column_name, ', ' order by ordinal_position) from information_schema.columns"
                + " where table_name = 'tickets' and column_name not in ('id', 'status', 'search_vector', 'public_search_vector')")
                .query(String.class).single();
        jdbc.sql("insert into tickets (status, " + columns + ") select 'closed', " + columns
                + " from tickets cross join generate_series(1, 1004) where id = :id").param("id", first).update();
        long newest = jdbc.sql("select max(id) from tickets where subject = :s").param("s", word + " original").query(Long.class).single();

        Reply page = search(desk.admin, word);
        assertThat(page.at("/count").longValue()).isEqualTo(1000);
        assertThat(ids(page).getFirst()).isEqualTo(newest);
        Reply last = desk.admin.get("/api/v2/search?per_page=100&page=10&query=" + encode(word));
        assertThat(ids(last)).hasSize(100).doesNotContain(first);
        assertThat(last.at("/next_page").isNull()).isTrue();
        Reply oldest = desk.admin.get("/api/v2/search?sort_by=created_at&sort_order=asc&query=" + encode(word));
        assertThat(ids(oldest).getFirst()).isEqualTo(first);
        assertThat(desk.admin.get("/api/v2/search/count?query=" + encode(word)).at("/count").longValue()).isEqualTo(1000);
    }

    // --- helpers of this test ---

    /** A word no other test uses, letters only, so the full-text parser keeps it whole. */
    static String word() {
        StringBuilder word = new StringBuilder("zq");
        for (int i = 0; i < 10; i++) {
            word.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        return word.toString();
    }

    private Reply search(ApiClient api, String query) {
        return api.get("/api/v2/search?query=" + encode(query));
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static List<Long> ids(Reply reply) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.json().get("results").valueStream().map(r -> r.get("id").longValue()).toList();
    }

    private long file(ApiClient api, long form, String subject, String body, String... fields) {
        Reply reply = api.post("/api/v2/tickets", """
                {"ticket":{"subject":"%s","comment":{"body":"%s"},"ticket_form_id":%d,"custom_fields":[%s]}}"""
                .formatted(subject, body, form, String.join(",", fields)));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return reply.id("ticket");
    }
}
