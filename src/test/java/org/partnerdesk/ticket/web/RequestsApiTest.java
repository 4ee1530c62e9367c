package org.partnerdesk.ticket.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.partnerdesk.Desk.OPEN_PARTNER_FORM;
import static org.partnerdesk.Desk.ORGANIZATION_EMAIL;
import static org.partnerdesk.Desk.PARTNER_ENGAGEMENT;
import static org.partnerdesk.Desk.SUPPORT_FORM;
import static org.partnerdesk.ticket.web.TicketIntakeTest.field;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.partnerdesk.ApiClient;
import org.partnerdesk.ApiClient.Reply;
import org.partnerdesk.ApiTest;
import org.partnerdesk.Desk;
import org.partnerdesk.Desk.Account;
import org.partnerdesk.Desk.Org;
import org.partnerdesk.attachment.Uploads;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Issue #17 item 4: Zendesk's Requests API, the end-user view customer apps use, scoped as the portal is (TKT-5, API-2):
 * the requester, the partner who filed it, the CCs and a sharing organization's people; agents see their own only.
 * Filing goes through the intake of POST /tickets; the conversation is the public one (TKT-1).
 */
class RequestsApiTest extends ApiTest {

    @Autowired
    JdbcClient db;

    @Test
    void customerFilesARequestAndFindsItInTheirListsAsZendeskShapesIt() {
        Account ann = desk.endUserIn(premiumCustomer());
        String subject = Desk.unique("Login loops");

        Reply filed = ann.api().post("/api/v2/requests", """
                {"request":{"subject":"%s","comment":{"body":"After the upgrade"},"ticket_form_id":%d}}""".formatted(subject, SUPPORT_FORM));

        assertThat(filed.status()).as(filed.toString()).isEqualTo(201);
        JsonNode request = filed.json().get("request");
        long id = request.get("id").longValue();
        assertThat(request.get("url").stringValue()).endsWith("/api/v2/requests/" + id + ".json");
        assertThat(request.get("subject").stringValue()).isEqualTo(subject);
        assertThat(request.get("description").stringValue()).isEqualTo("After the upgrade");
        assertThat(request.get("status").stringValue()).isEqualTo("new");
        assertThat(request.get("requester_id").longValue()).isEqualTo(ann.id());
        assertThat(request.get("organization_id").longValue()).isEqualTo(ann.organizationId());
        assertThat(request.get("ticket_form_id").longValue()).isEqualTo(SUPPORT_FORM);
        assertThat(request.get("can_be_solved_by_me").booleanValue()).isTrue();
        assertThat(request.get("solved").booleanValue()).isFalse();
        assertThat(request.get("is_public").booleanValue()).isTrue();
        assertThat(request.has("tags")).as("tags are the agents'").isFalse();
        assertThat(request.has("entitlement")).isFalse();
        // SPEC 7: the same intake as POST /tickets: decided (ENT-10) and audited
        assertThat(desk.admin.get("/api/v2/tickets/" + id + "/entitlement").at("/entitlement/rule").stringValue()).isEqualTo("ENT-10");
        assertThat(desk.admin.get("/api/v2/tickets/" + id + "/audits").json().get("audits")).isNotEmpty();

        assertThat(ids(ann.api().get("/api/v2/requests"))).containsExactly(id);
        assertThat(ids(ann.api().get("/api/v2/requests.json?status=new,open"))).containsExactly(id);
        assertThat(ids(ann.api().get("/api/v2/requests?status=pending"))).isEmpty();
        assertThat(ids(ann.api().get("/api/v2/requests/open"))).containsExactly(id);
        assertThat(ids(ann.api().get("/api/v2/requests/solved"))).isEmpty();
        assertThat(ann.api().get("/api/v2/requests/" + id).at("/request/subject").stringValue()).isEqualTo(subject);
    }

    @Test
    void listsSortAndPageByCursorAndByNumber() {
        Account ann = desk.endUserIn(premiumCustomer());
        List<Long> filed = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            filed.add(file(ann, "Request " + i));
        }
        // the first one changes last: sorted by updated_at it comes last
        assertThat(ann.api().put("/api/v2/requests/" + filed.getFirst(), """
                {"request":{"comment":{"body":"Any news?"}}}""").status()).isEqualTo(200);

        assertThat(ids(ann.api().get("/api/v2/requests"))).containsExactlyElementsOf(filed);
        assertThat(ids(ann.api().get("/api/v2/requests?sort_order=desc"))).containsExactly(filed.get(2), filed.get(1), filed.get(0));
        assertThat(ids(ann.api().get("/api/v2/requests?sort_by=updated_at"))).containsExactly(filed.get(1), filed.get(2), filed.get(0));

        List<Long> walked = new ArrayList<>();
        Reply page = ann.api().get("/api/v2/requests?sort_by=updated_at&sort_order=desc&page[size]=2");
        while (true) {
            walked.addAll(ids(page));
            if (!page.at("/meta/has_more").booleanValue()) {
                break;
            }
            page = ann.api().get(page.at("/links/next").stringValue().replaceFirst("^https?://[^/]+", ""));
        }
        assertThat(walked).containsExactly(filed.get(0), filed.get(2), filed.get(1));

        Reply second = ann.api().get("/api/v2/requests?page=2&per_page=2");
        assertThat(ids(second)).containsExactly(filed.get(2));
        assertThat(second.at("/count").longValue()).isEqualTo(3);
        assertThat(second.at("/next_page").isNull()).isTrue();
        assertThat(second.at("/previous_page").stringValue()).contains("page=1");
        Reply first = ann.api().get("/api/v2/requests?page=1&per_page=2");
        assertThat(ids(first)).containsExactly(filed.get(0), filed.get(1));
        assertThat(first.at("/next_page").stringValue()).contains("page=2");
    }

    @Test
    void partnerFilesOnBehalfOfACustomerNamingTheRequester() throws Exception {
        Org acme = premiumCustomer();
        Account ann = desk.endUserIn(acme);
        Account sam = desk.endUserIn(desk.aPartner("open"));
        String body = Desk.unique("Every job dies");

        Reply filed = sam.api().post("/api/v2/requests", """
                {"request":{"subject":"Runner crashes","comment":{"body":"%s"},"ticket_form_id":%d,
                 "requester":{"name":"Ann","email":"%s"},"custom_fields":[%s]}}"""
                .formatted(body, OPEN_PARTNER_FORM, ann.email(), field(PARTNER_ENGAGEMENT, "on_behalf_of_customer")));

        assertThat(filed.status()).as(filed.toString()).isEqualTo(201);
        long id = filed.id("request");
        assertThat(filed.at("/request/requester_id").longValue()).isEqualTo(ann.id());
        assertThat(filed.at("/request/organization_id").longValue()).isEqualTo(acme.id());
        assertThat(filed.at("/request/can_be_solved_by_me").booleanValue()).as("the partner who filed it").isTrue();
        assertThat(desk.admin.get("/api/v2/tickets/" + id + "/entitlement").at("/entitlement/rule").stringValue()).isEqualTo("ENT-1");
        assertThat(ids(sam.api().get("/api/v2/requests"))).containsExactly(id);
        assertThat(ids(ann.api().get("/api/v2/requests"))).containsExactly(id);
        awaitMail(ann.email(), body); // NTF-1: the opening is mailed to the requester through the outbox, as POST /tickets does
    }

    @Test
    void anEndUserCannotFileForSomeoneElseOutsideThePartnerForms() {
        Org acme = premiumCustomer();
        Account ann = desk.endUserIn(acme);
        Account carl = desk.endUserIn(acme);

        Reply refused = ann.api().post("/api/v2/requests", """
                {"request":{"subject":"s","comment":{"body":"b"},"ticket_form_id":%d,"requester":{"email":"%s"}}}"""
                .formatted(SUPPORT_FORM, carl.email()));

        assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
        assertThat(ids(carl.api().get("/api/v2/requests"))).isEmpty();
    }

    @Test
    void ccdPeopleFindTheRequestUnderCcdAndMayReplyButNotSolveIt() {
        Org acme = premiumCustomer();
        Account ann = desk.endUserIn(acme);
        Account carl = desk.endUserIn(acme);
        Reply filed = ann.api().post("/api/v2/requests", """
                {"request":{"subject":"s","comment":{"body":"b"},"ticket_form_id":%d,"email_ccs":[{"user_email":"%s"}]}}"""
                .formatted(SUPPORT_FORM, carl.email()));
        assertThat(filed.status()).as(filed.toString()).isEqualTo(201);
        long id = filed.id("request");

        assertThat(ids(carl.api().get("/api/v2/requests/ccd"))).containsExactly(id);
        assertThat(ids(carl.api().get("/api/v2/requests"))).isEmpty();
        assertThat(ids(ann.api().get("/api/v2/requests/ccd"))).isEmpty();
        assertThat(carl.api().get("/api/v2/requests/" + id).at("/request/can_be_solved_by_me").booleanValue()).isFalse();

        assertThat(carl.api().put("/api/v2/requests/" + id, """
                {"request":{"comment":{"body":"Me too"}}}""").status()).isEqualTo(200);
        Reply refused = carl.api().put("/api/v2/requests/" + id, """
                {"request":{"solved":true}}""");
        assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
        assertThat(desk.admin.get("/api/v2/tickets/" + id).at("/ticket/status").stringValue()).isNotEqualTo("solved");
    }

    @Test
    void requesterRepliesWithAFileAddsACcAndMarksTheRequestSolved() {
        Account ann = desk.endUserIn(premiumCustomer());
        Account dora = desk.endUserIn(desk.aCustomer());
        long id = file(ann, "Backups fail");
        String token = Uploads.upload(ann.api(), "log.txt", "text/plain", "trace".getBytes(StandardCharsets.UTF_8))
                .at("/upload/token").stringValue();

        Reply replied = ann.api().put("/api/v2/requests/" + id, """
                {"request":{"comment":{"body":"The log","uploads":["%s"]},"email_ccs":[{"user_email":"%s","action":"put"}]}}"""
                .formatted(token, dora.email()));
        assertThat(replied.status()).as(replied.toString()).isEqualTo(200);
        assertThat(replied.at("/request/collaborator_ids").valueStream().map(JsonNode::longValue).toList()).containsExactly(dora.id());

        JsonNode comments = ann.api().get("/api/v2/requests/" + id + "/comments").json().get("comments");
        JsonNode last = comments.get(comments.size() - 1);
        assertThat(last.get("author_id").longValue()).isEqualTo(ann.id());
        assertThat(last.get("html_body").stringValue()).isEqualTo("<p>The log</p>");
        assertThat(last.at("/attachments/0/file_name").stringValue()).isEqualTo("log.txt");

        Reply solved = ann.api().put("/api/v2/requests/" + id, """
                {"request":{"solved":true}}""");
        assertThat(solved.status()).as(solved.toString()).isEqualTo(200);
        assertThat(solved.at("/request/status").stringValue()).isEqualTo("solved");
        assertThat(solved.at("/request/solved").booleanValue()).isTrue();
        assertThat(solved.at("/request/can_be_solved_by_me").booleanValue()).isFalse();
        assertThat(ids(ann.api().get("/api/v2/requests/solved"))).containsExactly(id);
        assertThat(ids(ann.api().get("/api/v2/requests/open"))).isEmpty();
    }

    @Test
    void requestCommentsLeaveTheAgentsInternalNotesOut() {
        Account ann = desk.endUserIn(premiumCustomer());
        Account agent = desk.agent();
        long id = file(ann, "Slow pipeline");
        String note = Desk.unique("internal: legacy runner");
        assertThat(agent.api().put("/api/v2/tickets/" + id, """
                {"ticket":{"comment":{"body":"%s","public":false}}}""".formatted(note)).status()).isEqualTo(200);
        assertThat(agent.api().put("/api/v2/tickets/" + id, """
                {"ticket":{"comment":{"body":"We are on it"}}}""").status()).isEqualTo(200);

        List<String> bodies = ann.api().get("/api/v2/requests/" + id + "/comments").json().get("comments").valueStream()
                .map(c -> c.get("body").stringValue()).toList();

        assertThat(bodies).contains("We are on it").doesNotContain(note);
        assertThat(ann.api().get("/api/v2/requests/" + id + "/comments").json().get("comments"))
                .allSatisfy(c -> assertThat(c.get("public").booleanValue()).isTrue());
    }

    @Test
    void oneRequestCommentIsShownButAnInternalNoteOrAnotherTicketsCommentIsMissing() {
        Account ann = desk.endUserIn(premiumCustomer());
        Account agent = desk.agent();
        long id = file(ann, "Flaky cache");
        long other = file(ann, "Another one");
        assertThat(agent.api().put("/api/v2/tickets/" + id, """
                {"ticket":{"comment":{"body":"internal only","public":false}}}""").status()).isEqualTo(200);
        JsonNode all = agent.api().get("/api/v2/tickets/" + id + "/comments").json().get("comments");
        long first = all.get(0).get("id").longValue();
        long note = all.get(all.size() - 1).get("id").longValue();

        Reply shown = ann.api().get("/api/v2/requests/" + id + "/comments/" + first);
        assertThat(shown.status()).as(shown.toString()).isEqualTo(200);
        assertThat(shown.at("/comment/id").longValue()).isEqualTo(first);
        assertThat(shown.at("/comment/public").booleanValue()).isTrue();
        assertThat(ann.api().get("/api/v2/requests/" + id + "/comments/" + note).status()).isEqualTo(404);
        assertThat(ann.api().get("/api/v2/requests/" + other + "/comments/" + first).status()).isEqualTo(404);
        assertThat(desk.stranger().api().get("/api/v2/requests/" + id + "/comments/" + first).status()).isEqualTo(404);
    }

    @Test
    void agentsSeeTheirOwnRequestsOnlyAndWriteNoInternalNoteThroughThem() {
        Account ann = desk.endUserIn(premiumCustomer());
        Account agent = desk.agent();
        long annsRequest = file(ann, "Not the agent's");
        long agentsOwn = file(agent, "The agent's own question");

        assertThat(ids(agent.api().get("/api/v2/requests"))).containsExactly(agentsOwn);
        assertThat(agent.api().get("/api/v2/requests/" + annsRequest).status()).isEqualTo(404);
        assertThat(agent.api().get("/api/v2/requests/" + annsRequest + "/comments").status()).isEqualTo(404);
        assertThat(agent.api().put("/api/v2/requests/" + annsRequest, """
                {"request":{"comment":{"body":"hello"}}}""").status()).isEqualTo(404);
        Reply internal = agent.api().put("/api/v2/requests/" + agentsOwn, """
                {"request":{"comment":{"body":"note","public":false}}}""");
        assertThat(internal.status()).as(internal.toString()).isEqualTo(422);
        assertThat(internal.at("/details/comment.public/0/error").stringValue()).isEqualTo("invalid_value");
    }

    @Test
    void deletedTicketsAreNoRequests() {
        Account ann = desk.endUserIn(premiumCustomer());
        long kept = file(ann, "Kept");
        long deleted = file(ann, "Deleted");
        db.sql("update tickets set deleted_at = now() where id = ?").param(deleted).update();

        assertThat(ids(ann.api().get("/api/v2/requests"))).containsExactly(kept);
        assertThat(ann.api().get("/api/v2/requests/" + deleted).status()).isEqualTo(404);
        assertThat(ann.api().get("/api/v2/requests/" + deleted + "/comments").status()).isEqualTo(404);
        assertThat(ann.api().put("/api/v2/requests/" + deleted, """
                {"request":{"comment":{"body":"hello?"}}}""").status()).isEqualTo(404);
        assertThat(ann.api().get("/api/v2/requests?page=1").at("/count").longValue()).isEqualTo(1);
    }

    @Test
    void aSharingOrganizationsPeopleReadEachOthersRequestsAndOthersDoNot() {
        Org acme = premiumCustomer();
        Account ann = desk.endUserIn(acme);
        Account colleague = desk.endUserIn(acme);
        Account bob = desk.endUserIn(premiumCustomer());
        long id = file(ann, "Shared question");

        assertThat(colleague.api().get("/api/v2/requests/" + id).status()).isEqualTo(404);
        assertThat(colleague.api().get("/api/v2/organizations/" + acme.id() + "/requests").status()).isEqualTo(403);
        desk.admin.put("/api/v2/organizations/" + acme.id(), "{\"organization\":{\"shared_tickets\":true}}");

        assertThat(colleague.api().get("/api/v2/requests/" + id).at("/request/can_be_solved_by_me").booleanValue()).isFalse();
        assertThat(ids(colleague.api().get("/api/v2/organizations/" + acme.id() + "/requests"))).containsExactly(id);
        assertThat(ids(colleague.api().get("/api/v2/requests"))).as("the colleague's own requests").isEmpty();
        assertThat(bob.api().get("/api/v2/requests/" + id).status()).isEqualTo(404);
        assertThat(bob.api().get("/api/v2/organizations/" + acme.id() + "/requests").status()).isEqualTo(404);
    }

    @Test
    void searchFindsTheCallersRequestsByTheirPublicWordsOnly() {
        Account ann = desk.endUserIn(premiumCustomer());
        Account bob = desk.endUserIn(premiumCustomer());
        Account agent = desk.agent();
        String word = letters();
        String secret = letters();
        long id = file(ann, "Printer " + word);
        long gone = file(ann, "Scanner " + word);
        db.sql("update tickets set deleted_at = now() where id = ?").param(gone).update();
        assertThat(agent.api().put("/api/v2/tickets/" + id, """
                {"ticket":{"comment":{"body":"%s","public":false}}}""".formatted(secret)).status()).isEqualTo(200);

        Reply found = ann.api().get("/api/v2/requests/search?query=" + word);
        assertThat(ids(found)).containsExactly(id);
        assertThat(ids(ann.api().get("/api/v2/requests/search?query=" + secret))).isEmpty();
        assertThat(ids(bob.api().get("/api/v2/requests/search?query=" + word))).isEmpty();
        assertThat(ids(agent.api().get("/api/v2/requests/search?query=" + word))).as("agents search their own requests").isEmpty();
        assertThat(ann.api().get("/api/v2/requests/search?query=x&page=0").status()).isEqualTo(400);
        assertThat(ann.api().get("/api/v2/requests/search?query=flag:needs_org").status()).isEqualTo(400);
    }

    @Test
    void badParametersAndBodiesAreRefusedInTheErrorFormat() {
        Account ann = desk.endUserIn(premiumCustomer());
        long id = file(ann, "Something");
        ApiClient api = ann.api();

        for (String query : List.of("status=bogus", "sort_by=priority", "sort_order=up", "page=0", "page=101", "page=x",
                "page%5Bsize%5D=0", "page%5Bafter%5D=garbage")) {
            Reply refused = api.get("/api/v2/requests?" + query);
            assertThat(refused.status()).as(query + ": " + refused).isEqualTo(400);
            assertThat(refused.at("/description").stringValue()).isNotBlank();
        }
        assertThat(api.post("/api/v2/requests", "{\"ticket\":{}}").status()).isEqualTo(400);
        assertThat(api.post("/api/v2/requests", "{\"request\":{\"subject\":\"no body\"}}").status()).isEqualTo(422);
        Reply wrongEmail = api.post("/api/v2/requests", """
                {"request":{"comment":{"body":"b"},"requester":{"email":"not-an-address"}}}""");
        assertThat(wrongEmail.status()).as(wrongEmail.toString()).isEqualTo(422);
        assertThat(wrongEmail.at("/details/requester.email/0/error").stringValue()).isEqualTo("invalid_value");
        assertThat(api.put("/api/v2/requests/" + id, "{\"request\":{\"comment\":{\"body\":\"\"}}}").status()).isEqualTo(422);
        assertThat(api.put("/api/v2/requests/" + id, "[]").status()).isEqualTo(400);
        assertThat(desk.anonymous().get("/api/v2/requests").status()).isEqualTo(401);
        assertThat(desk.anonymous().post("/api/v2/requests", "{\"request\":{\"comment\":{\"body\":\"b\"}}}").status()).isEqualTo(401);
    }

    // a word of letters only, which the search index keeps whole
    private static String letters() {
        StringBuilder word = new StringBuilder("rq");
        for (int i = 0; i < 10; i++) {
            word.append((char) ('a' + java.util.concurrent.ThreadLocalRandom.current().nextInt(26)));
        }
        return word.toString();
    }

    private Org premiumCustomer() {
        Org org = desk.aCustomer();
        desk.subscribe(org, "premium");
        return org;
    }

    private static long file(Account who, String subject) {
        Reply filed = who.api().post("/api/v2/requests", """
                {"request":{"subject":"%s","comment":{"body":"%s body"},"ticket_form_id":%d}}""".formatted(subject, subject, SUPPORT_FORM));
        assertThat(filed.status()).as(filed.toString()).isEqualTo(201);
        return filed.id("request");
    }

    private static List<Long> ids(Reply reply) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.json().get("requests").valueStream().map(r -> r.get("id").longValue()).toList();
    }
}
