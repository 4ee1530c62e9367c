package org.partnerdesk.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.partnerdesk.Desk.SUPPORT_FORM;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.partnerdesk.ApiClient;
import org.partnerdesk.ApiClient.Reply;
import org.partnerdesk.ApiTest;
import org.partnerdesk.Desk.Account;
import org.partnerdesk.Desk.Org;
import org.partnerdesk.directory.Groups;
import org.partnerdesk.directory.User;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * TKT-7 [003]: channel managers and sales star tickets for the on-call support manager. The context is the shared one
 * (minimum age 30 minutes); a test makes a ticket old enough by moving its created_at back an hour in the database.
 */
class StarRequestTest extends ApiTest {

    private static final long OTHER_FORM = 334427L;
    /** DOMAIN-FACTS names the form without an id: the desk numbers it after Partner Operations (V28). */
    private static final long SAAS_ACCOUNT_FORM = 360001900002L;

    @Autowired
    JdbcClient db;

    @Autowired
    Groups groups;

    @Test
    void channelManagerStarsAnEligibleTicketForTheOnCallSupportManager() {
        desk.supportManager();
        long ticket = old(fileAsCustomer(SUPPORT_FORM));
        Account manager = member(Groups.CHANNEL_MANAGERS);

        Instant before = Instant.now();
        Reply starred = star(manager.api(), ticket, "urgent");
        Instant after = Instant.now();

        assertThat(starred.status()).as(starred.toString()).isEqualTo(201);
        assertThat(starred.at("/star_request/status").stringValue()).isEqualTo("starred");
        assertThat(starred.at("/star_request/requested_by_id").longValue()).isEqualTo(manager.id());
        Instant respondBy = Instant.parse(starred.at("/star_request/respond_by").stringValue());
        assertThat(respondBy).isBetween(before.plus(Duration.ofMinutes(30)).minusSeconds(1), after.plus(Duration.ofMinutes(30)));
        assertThat(starred.at("/star_request/assignee_id").longValue()).isEqualTo(onCallThisWeek());
        assertThat(desk.admin.get("/api/v2/tickets/" + ticket + "/comments").text()).contains("STAR requested (TKT-7)", "Customer is down")
                .as("issue #12: the note shows the time to the second, as the API does")
                .contains("respond by " + starred.at("/star_request/respond_by").stringValue() + ".");

        long id = starred.id("star_request");
        assertThat(desk.agent().api().get("/api/v2/star_requests/" + id).at("/star_request/ticket_id").longValue()).isEqualTo(ticket);
        assertThat(desk.admin.get("/api/v2/star_requests?ticket_id=" + ticket).at("/star_requests/0/id").longValue()).isEqualTo(id);
        String onCallEmail = desk.admin.get("/api/v2/users/" + onCallThisWeek()).at("/user/email").stringValue();
        assertThat(awaitMailTo(onCallEmail, "ticket #" + ticket)).contains("Customer is down")
                .contains("Respond by: " + starred.at("/star_request/respond_by").stringValue());
    }

    private String awaitMailTo(String email, String subjectPart) {
        java.time.Instant deadline = java.time.Instant.now().plusSeconds(15);
        while (java.time.Instant.now().isBefore(deadline)) {
            try {
                for (var message : MAIL.getReceivedMessagesForDomain(email.substring(email.indexOf('@') + 1))) {
                    if (message.getSubject().contains(subjectPart) && java.util.Arrays.stream(message.getAllRecipients())
                            .anyMatch(r -> r.toString().equalsIgnoreCase(email))) {
                        return String.valueOf(message.getContent());
                    }
                }
                Thread.sleep(50);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("no STAR mail to " + email);
    }

    @Test
    void salesCanStarATicketAndTimelyMeansWithinTheHour() {
        desk.supportManager();
        long ticket = old(fileAsCustomer(SUPPORT_FORM));

        Instant before = Instant.now();
        Reply starred = star(member(Groups.SALES).api(), ticket, "timely");

        assertThat(starred.status()).as(starred.toString()).isEqualTo(201);
        assertThat(Instant.parse(starred.at("/star_request/respond_by").stringValue()))
                .isAfterOrEqualTo(before.plus(Duration.ofHours(1)).minusSeconds(1))
                .isBefore(before.plus(Duration.ofMinutes(65)));
    }

    @Test
    void agentsCustomersAndPartnersCannotStarATicket() {
        long ticket = old(fileAsCustomer(SUPPORT_FORM));

        assertThat(star(desk.agent().api(), ticket, "urgent").status()).isEqualTo(403);
        assertThat(star(desk.endUserIn(desk.aCustomer()).api(), ticket, "urgent").status()).isEqualTo(403);
        assertThat(star(desk.endUserIn(desk.aPartner("select")).api(), ticket, "urgent").status()).isEqualTo(403);
        assertThat(star(desk.anonymous(), ticket, "urgent").status()).isEqualTo(401);
    }

    @Test
    void aTicketYoungerThanThirtyMinutesCannotBeStarred() {
        long ticket = fileAsCustomer(SUPPORT_FORM);

        Reply refused = star(member(Groups.CHANNEL_MANAGERS).api(), ticket, "urgent");

        assertRefused(refused, "younger than 30 minutes");
    }

    @Test
    void aTicketOnTheOtherFormCannotBeStarred() {
        long ticket = old(fileAsCustomer(OTHER_FORM));

        assertRefused(star(member(Groups.CHANNEL_MANAGERS).api(), ticket, "urgent"), "Other form");
    }

    @Test
    void aTicketOnTheSaasAccountFormIsServedUnderTheCustomersSubscriptionAndCanBeStarred() { // TKT-7, ENT-10
        desk.supportManager();
        Org acme = desk.aCustomer();
        long subscription = desk.subscribe(acme, "premium");
        long ticket = old(file(desk.endUserIn(acme).api(), SAAS_ACCOUNT_FORM));
        assertThat(desk.admin.get("/api/v2/ticket_forms/" + SAAS_ACCOUNT_FORM).at("/ticket_form/name").stringValue()).isEqualTo("SaaS Account");
        Reply entitlement = desk.admin.get("/api/v2/tickets/" + ticket + "/entitlement");
        assertThat(entitlement.at("/entitlement/rule").stringValue()).as(entitlement.toString()).isEqualTo("ENT-10");
        assertThat(entitlement.at("/entitlement/served_under/id").longValue()).isEqualTo(subscription);

        Reply starred = star(member(Groups.CHANNEL_MANAGERS).api(), ticket, "timely");

        assertThat(starred.status()).as(starred.toString()).isEqualTo(201);
        assertThat(starred.at("/star_request/status").stringValue()).isEqualTo("starred");
    }

    @Test
    void aTicketWithoutOrganizationCannotBeStarred() {
        long ticket = old(file(desk.stranger().api(), SUPPORT_FORM));

        assertRefused(star(member(Groups.CHANNEL_MANAGERS).api(), ticket, "urgent"), "has no organization");
    }

    @Test
    void aMissingTicketCannotBeStarred() {
        assertRefused(star(member(Groups.CHANNEL_MANAGERS).api(), 999_999_999L, "urgent"), "was not found");
    }

    @Test
    void aTicketIsStarredOnceAtATime() {
        desk.supportManager();
        long ticket = old(fileAsCustomer(SUPPORT_FORM));
        Account manager = member(Groups.CHANNEL_MANAGERS);
        assertThat(star(manager.api(), ticket, "not_urgent").status()).isEqualTo(201);

        assertRefused(star(member(Groups.SALES).api(), ticket, "urgent"), "already starred");
    }

    @Test
    void unstarringNeedsAReasonAndIsRecordedOnTheTicket() {
        desk.supportManager();
        long ticket = old(fileAsCustomer(SUPPORT_FORM));
        Account manager = member(Groups.CHANNEL_MANAGERS);
        long id = star(manager.api(), ticket, "not_urgent").id("star_request");

        Reply withoutReason = manager.api().post("/api/v2/star_requests/" + id + "/unstar", """
                {"unstar":{"alternative_path":"weekly sync"}}""");
        assertThat(withoutReason.status()).as(withoutReason.toString()).isEqualTo(422);
        assertThat(withoutReason.at("/details/reason/0/error").stringValue()).isEqualTo("TKT-7");

        Reply unstarred = manager.api().post("/api/v2/star_requests/" + id + "/unstar", """
                {"unstar":{"reason":"Workaround accepted","alternative_path":"Follow up in the weekly sync"}}""");
        assertThat(unstarred.status()).as(unstarred.toString()).isEqualTo(200);
        assertThat(unstarred.at("/star_request/status").stringValue()).isEqualTo("unstarred");
        assertThat(unstarred.at("/star_request/unstar_reason").stringValue()).isEqualTo("Workaround accepted");
        assertThat(desk.admin.get("/api/v2/tickets/" + ticket + "/comments").text())
                .contains("STAR unstarred (TKT-7)", "Follow up in the weekly sync");

        Reply again = desk.supportManager().post("/api/v2/star_requests/" + id + "/unstar", """
                {"unstar":{"reason":"twice"}}""");
        assertThat(again.status()).as(again.toString()).isEqualTo(422);
        assertThat(again.at("/details/status/0/error").stringValue()).isEqualTo("TKT-7");
        assertThat(star(manager.api(), ticket, "timely").status()).as("a ticket can be starred again once unstarred").isEqualTo(201);
    }

    @Test
    void onlySupportManagersAndTheRequesterUnstar() {
        desk.supportManager();
        long ticket = old(fileAsCustomer(SUPPORT_FORM));
        long id = star(member(Groups.CHANNEL_MANAGERS).api(), ticket, "urgent").id("star_request");
        String body = "{\"unstar\":{\"reason\":\"done\"}}";

        assertThat(member(Groups.CHANNEL_MANAGERS).api().post("/api/v2/star_requests/" + id + "/unstar", body).status()).isEqualTo(403);
        assertThat(desk.anonymous().post("/api/v2/star_requests/" + id + "/unstar", body).status()).isEqualTo(401);
        // #10 item 15: an end user is refused alike whether the STAR request exists or not
        ApiClient customer = desk.endUserIn(desk.aCustomer()).api();
        Reply existing = customer.post("/api/v2/star_requests/" + id + "/unstar", body);
        assertThat(existing.status()).isEqualTo(403);
        assertThat(existing.text()).isEqualTo(customer.post("/api/v2/star_requests/999999999/unstar", body).text());
        assertThat(desk.supportManager().post("/api/v2/star_requests/" + id + "/unstar", body).status()).isEqualTo(200);
    }

    @Test
    void onlyStaffReadStarRequests() {
        assertThat(desk.endUserIn(desk.aCustomer()).api().get("/api/v2/star_requests").status()).isEqualTo(403);
        assertThat(desk.anonymous().get("/api/v2/star_requests").status()).isEqualTo(401);
    }

    private long onCallThisWeek() {
        List<Long> managers = groups.membersOf(Groups.SUPPORT_MANAGERS).stream().map(User::id).toList();
        int week = Instant.now().atZone(ZoneOffset.UTC).get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
        return managers.get((week - 1) % managers.size());
    }

    private Account member(String group) {
        Account account = desk.agent();
        desk.addToGroup(account, group);
        return account;
    }

    private Reply star(ApiClient api, long ticket, String urgency) {
        return api.post("/api/v2/star_requests", """
                {"star_request":{"ticket_id":%d,"urgency":"%s","plan":"premium","reason":"Customer is down",
                 "desired_result":"A support engineer on a call today"}}""".formatted(ticket, urgency));
    }

    private static void assertRefused(Reply refused, String why) {
        assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
        assertThat(refused.at("/details/ticket_id/0/error").stringValue()).isEqualTo("TKT-7");
        assertThat(refused.at("/details/ticket_id/0/description").stringValue()).contains(why);
    }

    private long fileAsCustomer(long form) {
        return file(desk.endUserIn(desk.aCustomer()).api(), form);
    }

    private long file(ApiClient api, long form) {
        Reply created = api.post("/api/v2/tickets", """
                {"ticket":{"subject":"Runner crashes","comment":{"body":"Every job fails"},"ticket_form_id":%d}}""".formatted(form));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.id("ticket");
    }

    /** The shared context keeps the 30-minute minimum age, so the ticket is made an hour old where it is stored. */
    private long old(long ticket) {
        db.sql("update tickets set created_at = created_at - interval '1 hour' where id = ?").param(ticket).update();
        return ticket;
    }
}
