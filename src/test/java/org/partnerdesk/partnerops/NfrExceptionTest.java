package org.partnerdesk.partnerops;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.partnerdesk.ApiClient;
import org.partnerdesk.ApiClient.Reply;
import org.partnerdesk.Desk.Account;
import org.partnerdesk.Desk.Org;

/**
 * PO-4 [003]: a channel manager asks for an NFR exception on a partner's standard request; a Programs Director and the
 * manager's own Channel Director both approve (or either declines); Partner Operations fulfil it.
 */
class NfrExceptionTest extends NfrApiTest {

    Account channelDirector;
    Account channelManager;
    Account programsDirector;
    Org partner;
    Account sam;
    long standardRequest;

    @BeforeEach
    void arrange() {
        channelDirector = nfr.member("Channel Directors");
        channelManager = nfr.channelManagerOf(channelDirector);
        programsDirector = nfr.member("Programs Directors");
        partner = desk.aPartner("open");
        sam = nfr.eligiblePartnerUser(partner);
        standardRequest = nfr.ask(sam, 10).id("nfr_request");
    }

    @Test // PO-4
    void bothDirectorsApproveAndPartnerOperationsFulfilTheException() {
        Account partnerOps = nfr.member("Partner Operations");
        Reply asked = askException(channelManager.api(), standardRequest, 40);
        assertThat(asked.status()).as(asked.toString()).isEqualTo(201);
        assertThat(asked.at("/nfr_exception/status").stringValue()).isEqualTo("pending");
        assertThat(asked.at("/nfr_exception/channel_director_id").longValue()).isEqualTo(channelDirector.id());
        assertThat(asked.at("/nfr_exception/awaiting_decisions").toString()).contains("programs_director", "channel_director");
        long id = asked.id("nfr_exception");
        assertThat(nfr.mailTo(channelDirector.email(), "NFR Exception for " + partner.name())).contains("40 users", "Demo lab for the partner's SAs");
        assertThat(nfr.mailTo(programsDirector.email(), "NFR Exception for " + partner.name())).contains("NFR request #" + standardRequest);

        Reply first = decide(channelDirector.api(), id, "approve");
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(first.at("/nfr_exception/status").stringValue()).as("one approval is not enough").isEqualTo("pending");
        assertThat(first.at("/nfr_exception/awaiting_decisions").toString()).isEqualTo("[\"programs_director\"]");
        assertThat(partnerOps.api().post("/api/v2/nfr_exceptions/" + id + "/fulfil", "{}").status())
                .as("not fulfilled before both approvals").isEqualTo(422);

        Reply second = decide(programsDirector.api(), id, "approve");
        assertThat(second.at("/nfr_exception/status").stringValue()).isEqualTo("approved");
        assertThat(second.at("/nfr_exception/owner_group").stringValue()).isEqualTo("Partner Operations");
        assertThat(nfr.mailTo(channelManager.email(), "NFR exception #" + id + " for " + partner.name() + ": approve (approved)"))
                .contains("programs director decided to approve", "now approved");
        assertThat(nfr.mailTo(partnerOps.email(), "NFR exception #" + id + " approved")).contains("fulfil");

        Reply fulfilled = partnerOps.api().post("/api/v2/nfr_exceptions/" + id + "/fulfil", "{}");
        assertThat(fulfilled.status()).as(fulfilled.toString()).isEqualTo(200);
        assertThat(fulfilled.at("/nfr_exception/status").stringValue()).isEqualTo("fulfilled");
        long licenseId = fulfilled.at("/nfr_exception/nfr_license_id").longValue();
        assertThat(desk.admin.get("/api/v2/nfr_licenses/" + licenseId).at("/nfr_license/users").intValue()).isEqualTo(40);
        assertThat(desk.admin.get("/api/v2/nfr_requests/" + standardRequest).at("/nfr_request/status").stringValue()).isEqualTo("superseded");
        assertThat(nfr.mailTo(sam.email(), "NFR license #" + licenseId + " for")).contains("NFR exception #" + id, "40 users");
        assertThat(audits(id)).containsExactly("request", "decide", "decide", "fulfil");
    }

    @Test // PO-4: an exception can lift a request that was ineligible only for its number of users
    void anExceptionLiftsARequestOverTheAllowance() {
        long overAllowance = nfr.ask(sam, 30).id("nfr_request");
        long id = askException(channelManager.api(), overAllowance, 30).id("nfr_exception");

        decide(programsDirector.api(), id, "approve");
        decide(channelDirector.api(), id, "approve");

        assertThat(nfr.member("Partner Operations").api().post("/api/v2/nfr_exceptions/" + id + "/fulfil", "{}").status()).isEqualTo(200);
    }

    @Test // PO-4: either director can decline, which ends the exception
    void eitherDirectorDeclinesAndThatEndsIt() {
        long id = askException(channelManager.api(), standardRequest, 40).id("nfr_exception");

        Reply declined = decide(programsDirector.api(), id, "decline");

        assertThat(declined.at("/nfr_exception/status").stringValue()).isEqualTo("declined");
        Reply late = decide(channelDirector.api(), id, "approve");
        assertThat(late.status()).as(late.toString()).isEqualTo(422);
        assertThat(late.at("/details/decision/0/error").stringValue()).isEqualTo("PO-4");
        assertThat(nfr.member("Partner Operations").api().post("/api/v2/nfr_exceptions/" + id + "/fulfil", "{}").status()).isEqualTo(422);
        assertThat(nfr.mailTo(channelManager.email(), "NFR exception #" + id + " for")).contains("decline", "declined");
    }

    @Test // PO-4
    void aSecondDecisionByTheSamePersonIsRefused() {
        long id = askException(channelManager.api(), standardRequest, 40).id("nfr_exception");
        decide(programsDirector.api(), id, "approve");

        Reply again = decide(programsDirector.api(), id, "approve");

        assertThat(again.status()).as(again.toString()).isEqualTo(422);
        assertThat(again.at("/details/decision/0/description").stringValue()).contains("already decided");
        Reply anotherProgramsDirector = decide(nfr.member("Programs Directors").api(), id, "approve");
        assertThat(anotherProgramsDirector.status()).as("the Channel Director's approval is still needed").isEqualTo(422);
        assertThat(desk.admin.get("/api/v2/nfr_exceptions/" + id).at("/nfr_exception/status").stringValue()).isEqualTo("pending");
    }

    @Test // PO-4: a director who is both may fill only one of the two approvals
    void oneDirectorHoldingBothTeamsCannotApproveTwice() {
        desk.addToGroup(channelDirector, "Programs Directors");
        long id = askException(channelManager.api(), standardRequest, 40).id("nfr_exception");

        assertThat(decide(channelDirector.api(), id, "approve").at("/nfr_exception/status").stringValue()).isEqualTo("pending");
        assertThat(decide(channelDirector.api(), id, "approve").status()).isEqualTo(422);
    }

    @Test // PO-4: every transition has its owner group
    void onlyTheRightDirectorsDecide() {
        long id = askException(channelManager.api(), standardRequest, 40).id("nfr_exception");
        Account otherDirector = nfr.member("Channel Directors");

        assertThat(decide(channelManager.api(), id, "approve").status()).as("the requesting channel manager").isEqualTo(403);
        assertThat(decide(nfr.member("Channel Managers").api(), id, "approve").status()).as("a channel manager").isEqualTo(403);
        assertThat(decide(otherDirector.api(), id, "approve").status()).as("a director of another manager").isEqualTo(403);
        assertThat(decide(sam.api(), id, "approve").status()).as("the partner").isEqualTo(403);
        assertThat(decide(desk.stranger().api(), id, "approve").status()).isEqualTo(403);
        assertThat(decide(desk.endUserIn(desk.aCustomer()).api(), id, "approve").status()).isEqualTo(403);
        assertThat(decide(desk.anonymous(), id, "approve").status()).isEqualTo(401);
        assertThat(decide(desk.admin, id, "approve").status()).as("an admin is not a director").isEqualTo(403);
        assertThat(desk.admin.get("/api/v2/nfr_exceptions/" + id).at("/nfr_exception/decisions").size()).isZero();
    }

    @Test // PO-4
    void onlyChannelManagersAskAndOnlyPartnerOperationsFulfil() {
        String body = exceptionBody(standardRequest, 40);
        assertThat(sam.api().post("/api/v2/nfr_exceptions", body).status()).isEqualTo(403);
        assertThat(desk.agent().api().post("/api/v2/nfr_exceptions", body).status()).isEqualTo(403);
        assertThat(programsDirector.api().post("/api/v2/nfr_exceptions", body).status()).isEqualTo(403);
        assertThat(desk.stranger().api().post("/api/v2/nfr_exceptions", body).status()).isEqualTo(403);
        assertThat(desk.anonymous().post("/api/v2/nfr_exceptions", body).status()).isEqualTo(401);

        long id = askException(channelManager.api(), standardRequest, 40).id("nfr_exception");
        decide(programsDirector.api(), id, "approve");
        decide(channelDirector.api(), id, "approve");
        String fulfil = "/api/v2/nfr_exceptions/" + id + "/fulfil";
        assertThat(nfr.member("Licensing").api().post(fulfil, "{}").status()).isEqualTo(403);
        assertThat(channelManager.api().post(fulfil, "{}").status()).isEqualTo(403);
        assertThat(sam.api().post(fulfil, "{}").status()).isEqualTo(403);
        assertThat(desk.anonymous().post(fulfil, "{}").status()).isEqualTo(401);
        assertThat(desk.admin.get("/api/v2/nfr_exceptions/" + id).at("/nfr_exception/status").stringValue()).isEqualTo("approved");
    }

    @Test // PO-4 [003]: partners cannot receive an exception if they are not compliant with their track's requirements
    void aNonCompliantPartnerIsRefusedAtOnce() {
        nfr.compliant(partner, false);

        Reply refused = askException(channelManager.api(), standardRequest, 40);

        assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
        assertThat(refused.at("/details/nfr_request_id/0/error").stringValue()).isEqualTo("PO-4");
        assertThat(refused.at("/description").stringValue()).contains("not compliant");
        assertThat(desk.admin.get("/api/v2/nfr_exceptions?status=pending").text()).doesNotContain("\"nfr_request_id\":" + standardRequest + ",");
    }

    @Test // PO-4: the second approver is the channel manager's own Channel Director, so one must be set
    void aChannelManagerWithoutAChannelDirectorIsRefused() {
        Reply refused = askException(nfr.member("Channel Managers").api(), standardRequest, 40);

        assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
        assertThat(refused.at("/details/manager_id/0/error").stringValue()).isEqualTo("PO-4");
    }

    @Test // PO-4: an exception applies to an existing standard request, one at a time
    void anExceptionNeedsAStandardRequest() {
        assertThat(askException(channelManager.api(), 999_999_999L, 40).status()).isEqualTo(422);
        assertThat(askException(channelManager.api(), standardRequest, 40).status()).isEqualTo(201);
        assertThat(askException(channelManager.api(), standardRequest, 50).status()).as("one open exception per request").isEqualTo(422);
        Reply licensing = nfr.member("Licensing").api().post("/api/v2/nfr_requests/" + standardRequest + "/fulfil", "{}");
        assertThat(licensing.status()).as("the exception decides the license").isEqualTo(422);
        assertThat(licensing.at("/details/status/0/error").stringValue()).isEqualTo("PO-4");
    }

    @Test
    void badInputIsRefused() {
        Reply bad = channelManager.api().post("/api/v2/nfr_exceptions", """
                {"nfr_exception":{"nfr_request_id":%d,"users":0}}""".formatted(standardRequest));
        assertThat(bad.status()).as(bad.toString()).isEqualTo(422);
        assertThat(bad.json().get("details").has("business_justification")).isTrue();

        long id = askException(channelManager.api(), standardRequest, 40).id("nfr_exception");
        Reply verdict = programsDirector.api().post("/api/v2/nfr_exceptions/" + id + "/decisions", """
                {"decision":{"verdict":"maybe"}}""");
        assertThat(verdict.status()).isEqualTo(422);
    }

    @Test // API-2: approvals are internal
    void onlyStaffReadExceptions() {
        long id = askException(channelManager.api(), standardRequest, 40).id("nfr_exception");

        assertThat(desk.agent().api().get("/api/v2/nfr_exceptions/" + id).status()).isEqualTo(200);
        assertThat(sam.api().get("/api/v2/nfr_exceptions/" + id).status()).isEqualTo(403);
        assertThat(desk.endUserIn(desk.aPartner("select")).api().get("/api/v2/nfr_exceptions").status()).isEqualTo(403);
        assertThat(desk.endUserIn(desk.aCustomer()).api().get("/api/v2/nfr_exceptions/" + id).status()).isEqualTo(403);
        assertThat(desk.anonymous().get("/api/v2/nfr_exceptions/" + id).status()).isEqualTo(401);
    }

    @Test // #10 item 15: the id of an exception tells an end user nothing
    void anEndUsersDecisionIsRefusedAlikeWhetherTheExceptionExistsOrNot() {
        long id = askException(channelManager.api(), standardRequest, 40).id("nfr_exception");

        Reply existing = decide(sam.api(), id, "approve");
        Reply missing = decide(sam.api(), 999_999_999L, "approve");

        assertThat(existing.status()).as(existing.toString()).isEqualTo(403);
        assertThat(existing.text()).isEqualTo(missing.text());
        assertThat(desk.admin.get("/api/v2/nfr_exceptions/" + id).at("/nfr_exception/status").stringValue()).isEqualTo("pending");
    }

    private Reply askException(ApiClient api, long requestId, int users) {
        return api.post("/api/v2/nfr_exceptions", exceptionBody(requestId, users));
    }

    private static String exceptionBody(long requestId, int users) {
        return """
                {"nfr_exception":{"nfr_request_id":%d,"users":%d,"business_justification":"Demo lab for the partner's SAs"}}"""
                .formatted(requestId, users);
    }

    private static Reply decide(ApiClient api, long id, String verdict) {
        return api.post("/api/v2/nfr_exceptions/" + id + "/decisions", """
                {"decision":{"verdict":"%s","comment":"%s by test"}}""".formatted(verdict, verdict));
    }

    private List<String> audits(long exceptionId) {
        return db.sql("select action from nfr_audits where entity = 'nfr_exception' and entity_id = ? order by id")
                .param(exceptionId).query(String.class).list();
    }
}
