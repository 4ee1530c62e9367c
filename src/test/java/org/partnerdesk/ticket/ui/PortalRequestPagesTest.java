package org.partnerdesk.ticket.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.partnerdesk.Desk.ALLIANCE_PARTNER_FORM;
import static org.partnerdesk.Desk.ALLIANCE_TICKET_ID;
import static org.partnerdesk.Desk.CUSTOMER_NAME;
import static org.partnerdesk.Desk.OPEN_PARTNER_FORM;
import static org.partnerdesk.Desk.ORGANIZATION_EMAIL;
import static org.partnerdesk.Desk.PARTNER_ENGAGEMENT;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.partnerdesk.ApiClient.Reply;
import org.partnerdesk.ApiTest;
import org.partnerdesk.Desk;
import org.partnerdesk.Desk.Account;
import org.partnerdesk.Desk.Org;
import org.partnerdesk.PageSession;
import org.partnerdesk.identity.Passwords;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * UI-1 portal over HTTP (issue #15): the lists hold what the person may see (TKT-5, API-2) and refuse in words the ones
 * they may not have; the request page opens only for those the API's ticket show opens for, shows the public conversation
 * only (TKT-1, TKT-8, TKT-9), and refuses CCs (TKT-2) and "Mark as solved" as the API does.
 */
class PortalRequestPagesTest extends ApiTest {

    @Autowired
    Passwords passwords;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient db;

    @Test
    void aStrangerIsSentToSignInFromTheListsAndTheRequestPage() {
        PageSession stranger = PageSession.anonymous(baseUrl());

        for (String path : new String[] {"/portal", "/portal/requests?list=ccd", "/portal/requests/1"}) {
            PageSession.Answer answer = stranger.get(path);
            assertThat(answer.statusCode()).as(path).isEqualTo(302);
            assertThat(answer.location()).as(path).endsWith("/sign-in");
        }
    }

    @Test
    void anotherOrganizationsRequestAnswersAsMissing() {
        Account ann = desk.endUserIn(desk.aCustomer());
        long id = file(ann, "Acme's secret outage");
        Account gina = desk.endUserIn(desk.aCustomer());

        PageSession.Answer answer = session(gina).get("/portal/requests/" + id);

        assertThat(answer.statusCode()).isEqualTo(404);
        assertThat(answer.body()).contains("Not found").doesNotContain("Acme's secret outage");
        assertThat(gina.api().get("/api/v2/tickets/" + id).status()).as("the API's answer").isEqualTo(404);
    }

    @Test
    void aCustomerIsRefusedTheListForCustomersInWords() {
        Account ann = desk.endUserIn(desk.aCustomer());

        PageSession.Answer answer = session(ann).get("/portal/requests?list=customers");

        assertThat(answer.statusCode()).isEqualTo(403);
        assertThat(answer.body()).contains("Requests for customers are a partner's list");
    }

    @Test
    void theOrganizationListIsShownOnlyWhereTheOrganizationSharesItsRequests() {
        Org acme = desk.aCustomer();
        Account ann = desk.endUserIn(acme);
        Account arthur = desk.endUserIn(acme);
        file(arthur, "Arthur's backup question");
        PageSession annInPortal = session(ann);

        PageSession.Answer notShared = annInPortal.get("/portal/requests?list=organization");
        assertThat(notShared.statusCode()).isEqualTo(403);
        assertThat(notShared.body()).contains("does not share its requests").doesNotContain("Arthur's backup question");

        desk.admin.put("/api/v2/organizations/" + acme.id(), "{\"organization\":{\"shared_tickets\":true}}");
        PageSession.Answer shared = annInPortal.get("/portal/requests?list=organization");
        assertThat(shared.statusCode()).isEqualTo(200);
        assertThat(shared.body()).contains("Arthur's backup question");

        Account sam = desk.endUserIn(desk.aPartner("open"));
        PageSession.Answer partner = session(sam).get("/portal/requests?list=organization");
        assertThat(partner.statusCode()).isEqualTo(403);
        assertThat(partner.body()).contains("is not a customer organization");
    }

    @Test
    void eachListHoldsItsOwnRequestsAndTheStatusFilterNarrowsThem() {
        Org acme = desk.aCustomer();
        Account ann = desk.endUserIn(acme);
        Account sam = desk.endUserIn(desk.aPartner("open"));
        long onBehalf = fileOnBehalf(sam, ann, "Acme's runners for Sam");
        long own = file(sam, "ResellCo's own dashboard");
        long copied = file(ann, "Ann copies Sam");
        assertThat(ann.api().put("/api/v2/tickets/" + copied, "{\"ticket\":{\"email_ccs\":[{\"user_email\":\"" + sam.email() + "\"}]}}")
                .status()).isEqualTo(200);
        assertThat(desk.agent().api().put("/api/v2/tickets/" + own, "{\"ticket\":{\"status\":\"pending\"}}").status()).isEqualTo(200);
        PageSession samInPortal = session(sam);

        assertThat(samInPortal.get("/portal/requests").body()).contains("Acme's runners for Sam", "ResellCo's own dashboard")
                .doesNotContain("Ann copies Sam");
        assertThat(samInPortal.get("/portal/requests?list=customers").body()).contains("Acme's runners for Sam")
                .doesNotContain("ResellCo's own dashboard", "Ann copies Sam");
        assertThat(samInPortal.get("/portal/requests?list=ccd").body()).contains("Ann copies Sam")
                .doesNotContain("Acme's runners for Sam", "ResellCo's own dashboard");
        String pending = samInPortal.get("/portal/requests?list=mine&status=pending").body();
        assertThat(pending).contains("ResellCo's own dashboard", "Awaiting your reply").doesNotContain("Acme's runners for Sam");
        assertThat(onBehalf).isPositive();
    }

    @Test
    void theListsArePagedByTwentyFiveWithANextPageLink() {
        Account ann = desk.endUserIn(desk.aCustomer());
        for (int i = 1; i <= 26; i++) {
            file(ann, "Question number " + i + " of many");
        }
        PageSession portal = session(ann);

        String first = portal.get("/portal/requests").body();
        assertThat(first).contains("Question number 26 of many", "Question number 2 of many", "Next page")
                .doesNotContain("Question number 1 of many<");
        String next = first.replaceAll("(?s).*href=\"([^\"]*before=\\d+)\"[^>]*>Next page.*", "$1").replace("&amp;", "&");
        String second = portal.get(next).body();
        assertThat(second).contains("Question number 1 of many").doesNotContain("Question number 2 of many", "Next page");
    }

    @Test
    void anEndUsersSearchFindsOnlyWhatTheyMaySeeAndTermsForStaffAreRefusedInWords() {
        Account ann = desk.endUserIn(desk.aCustomer());
        Account gina = desk.endUserIn(desk.aCustomer());
        String word = Desk.unique("zebra").replace("-", "");
        file(ann, "Ann's " + word + " question");
        file(gina, "Gina's " + word + " question");
        PageSession portal = session(ann);

        String found = portal.get("/portal/requests?q=" + word).body();
        assertThat(found).contains("Ann's " + word + " question", "1 request matches").doesNotContain("Gina's");

        PageSession.Answer refused = portal.get("/portal/requests?q=" + PageSession.encode("flag:no_entitlement"));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("is a search term for staff");
    }

    @Test // TKT-6, API-2: the portal ranks the newest 200 matches of what the person may see, and says so
    void aPartnersSearchRanksTheNewest200MatchesSaysSoAndAnOlderOneIsFoundByANarrowerSearch() {
        Account partner = desk.endUserIn(desk.aPartner("open"));
        Account customer = desk.endUserIn(desk.aCustomer());
        Account otherPartner = desk.endUserIn(desk.aPartner("open"));
        String word = Desk.unique("walrus").replace("-", "");
        String rare = Desk.unique("narwhal").replace("-", "");
        fileOnBehalf(partner, customer, "Oldest " + word + " " + rare + " for a customer");
        long own = file(partner, "Newer " + word + " question");
        file(otherPartner, "Another partner's " + word + " " + rare + " question");
        // 200 more of the partner's own matches, newer than the one filed for the customer
        db.sql("""
                insert into tickets (subject, description, description_public, status, priority, type, ticket_form_id, requester_id,
                                     submitter_id, organization_id, tags, custom_fields, collaborator_ids, entitlement)
                select subject || ' ' || n, description, description_public, status, priority, type, ticket_form_id, requester_id,
                       submitter_id, organization_id, tags, custom_fields, collaborator_ids, entitlement
                  from tickets, generate_series(1, 200) n where id = ?""").param(own).update();
        PageSession portal = session(partner);

        String first = portal.get("/portal/requests?q=" + word).body();
        assertThat(first).contains("200 or more requests match: these are the newest 200", "Next page")
                .doesNotContain("Another partner's");
        String last = portal.get("/portal/requests?q=" + word + "&page=9").body();
        assertThat(last).contains("Page 8", "Previous page").doesNotContain("Next page", "Oldest " + word, "Another partner's");

        String narrower = portal.get("/portal/requests?q=" + PageSession.encode(word + " " + rare)).body();
        assertThat(narrower).contains("1 request matches", "Oldest " + word + " " + rare).doesNotContain("Another partner's", "or more");
        assertThat(session(customer).get("/portal/requests?q=" + rare).body()).contains("1 request matches", "Oldest " + word);
    }

    @Test
    void internalNotesAllianceMessagesAndSpecialProcessesNeverAppearOnTheRequestPage() throws Exception {
        Org umbrella = desk.aPartner("alliance");
        assertThat(desk.admin.put("/api/v2/organizations/" + umbrella.id(), """
                {"organization":{"organization_fields":{"special_process":"Never ask the customer directly",
                 "chat_webhook_url":"https://chat.test/hook"}}}""").status()).isEqualTo(200);
        Account ally = desk.endUserIn(umbrella);
        Reply created = ally.api().post("/api/v2/tickets", """
                {"ticket":{"subject":"Runner offline","comment":{"body":"Copied from our system"},"ticket_form_id":%d,
                 "custom_fields":[{"id":%d,"value":"Umbrella Corp"},{"id":%d,"value":"ALLY-77"}]}}"""
                .formatted(ALLIANCE_PARTNER_FORM, CUSTOMER_NAME, ALLIANCE_TICKET_ID));
        long id = created.id("ticket");
        Account agent = desk.agent();
        agent.api().put("/api/v2/tickets/" + id, "{\"ticket\":{\"comment\":{\"body\":\"Agents only: their runner image is stale\",\"public\":false}}}");
        assertThat(agent.api().post("/api/v2/tickets/" + id + "/alliance_messages", """
                {"alliance_message":{"kind":"escalation","text":"Customer down since nine"}}""").status()).isEqualTo(202);
        agent.api().put("/api/v2/tickets/" + id, "{\"ticket\":{\"comment\":{\"body\":\"We are checking the runner images.\"}}}");
        awaitComment(id, "Never ask the customer directly");

        String page = session(ally).get("/portal/requests/" + id).body();

        assertThat(page).contains("Copied from our system", "We are checking the runner images.")
                .doesNotContain("Agents only", "Customer down since nine", "Posted to", "Never ask the customer directly");
    }

    @Test
    void aCcdPersonIsToldWhyTheyCannotChangeTheCcsAndCannotMarkTheRequestSolved() {
        Account ann = desk.endUserIn(desk.aCustomer());
        Account carl = desk.stranger();
        long id = file(ann, "Licence renewal");
        ann.api().put("/api/v2/tickets/" + id, "{\"ticket\":{\"email_ccs\":[{\"user_email\":\"" + carl.email() + "\"}]}}");
        PageSession carlInPortal = session(carl);

        String page = carlInPortal.get("/portal/requests/" + id).body();
        assertThat(page).contains("Licence renewal").doesNotContain("Mark as solved", "Update CCs");
        PageSession.Answer ccRefused = carlInPortal.post("/portal/requests/" + id + "/ccs", "addCc=" + PageSession.encode("boss@people.test"));
        assertThat(ccRefused.statusCode()).isEqualTo(403);
        assertThat(ccRefused.body()).contains("Only the requester and the partner who submitted the ticket change its CCs (TKT-2).");
        PageSession.Answer solveRefused = carlInPortal.post("/portal/requests/" + id + "/solve", "");
        assertThat(solveRefused.statusCode()).isEqualTo(403);
        assertThat(desk.admin.get("/api/v2/tickets/" + id).at("/ticket/status").stringValue()).isEqualTo("new");
    }

    @Test
    void theRequesterRepliesAddsACcAndMarksTheRequestSolvedWithoutJavaScript() {
        Account ann = desk.endUserIn(desk.aCustomer());
        long id = file(ann, "Webhook retries");
        PageSession portal = session(ann);
        portal.get("/portal/requests/" + id);

        PageSession.Answer blank = portal.post("/portal/requests/" + id, "body=");
        assertThat(blank.statusCode()).isEqualTo(422);
        assertThat(blank.body()).contains("Write a message.", "aria-invalid=\"true\"");
        PageSession.Answer replied = portal.post("/portal/requests/" + id, "body=" + PageSession.encode("Here is the log"));
        assertThat(replied.statusCode()).isEqualTo(302);
        assertThat(portal.get("/portal/requests/" + id).body()).contains("Your reply was sent.", "Here is the log");

        PageSession.Answer badCc = portal.post("/portal/requests/" + id + "/ccs", "addCc=not-an-address");
        assertThat(badCc.statusCode()).isEqualTo(422);
        assertThat(badCc.body()).contains("not-an-address is not an e-mail address.");
        assertThat(portal.post("/portal/requests/" + id + "/ccs", "addCc=" + PageSession.encode("boss@people.test")).statusCode())
                .isEqualTo(302);
        assertThat(portal.get("/portal/requests/" + id).body()).contains("boss@people.test");

        assertThat(portal.post("/portal/requests/" + id + "/solve", "").statusCode()).isEqualTo(302);
        assertThat(desk.admin.get("/api/v2/tickets/" + id).at("/ticket/status").stringValue()).isEqualTo("solved");
        assertThat(portal.get("/portal/requests/" + id).body()).contains("Solved").doesNotContain(">Mark as solved<");
    }

    private PageSession session(Account account) {
        return PageSession.signedIn(baseUrl(), passwords, account);
    }

    private static long file(Account requester, String subject) {
        Reply created = requester.api().post("/api/v2/tickets", """
                {"ticket":{"subject":"%s","comment":{"body":"Please help with this."}}}""".formatted(subject));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.id("ticket");
    }

    static long fileOnBehalf(Account partner, Account customer, String subject) {
        Reply created = partner.api().post("/api/v2/tickets", """
                {"ticket":{"subject":"%s","comment":{"body":"For our customer"},"ticket_form_id":%d,
                 "custom_fields":[{"id":%d,"value":"%s"},{"id":%d,"value":"on_behalf_of_customer"}]}}"""
                .formatted(subject, OPEN_PARTNER_FORM, ORGANIZATION_EMAIL, customer.email(), PARTNER_ENGAGEMENT));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.id("ticket");
    }

    private void awaitComment(long ticketId, String text) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
        while (Instant.now().isBefore(deadline)) {
            if (desk.admin.get("/api/v2/tickets/" + ticketId + "/comments").text().contains(text)) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no comment containing " + text);
    }
}
