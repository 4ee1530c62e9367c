package org.partnerdesk.partnerops.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.partnerdesk.ApiTest;
import org.partnerdesk.Desk;
import org.partnerdesk.Desk.Account;
import org.partnerdesk.PageSession;
import org.partnerdesk.identity.Passwords;
import org.partnerdesk.partnerops.NfrDesk;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * UI-1 operations console over HTTP: the decide buttons appear only for those the facades would take a decision from,
 * and a post by anyone else is refused with the facade's words (PO-1, PO-2, PO-4); the inbox counts are the person's.
 */
class OpsInboxPagesTest extends ApiTest {

    private static final Pattern COUNT = Pattern.compile("data-inbox=\"([a-z-]+)\"[^>]*>\\s*<span class=\"inbox-count\">(\\d+)</span>");

    @Autowired
    Passwords passwords;

    NfrDesk nfr;
    OpsFixtures ops;

    @BeforeEach
    void arrange() {
        nfr = new NfrDesk(desk, MAIL);
        ops = new OpsFixtures(desk, nfr);
    }

    @Test // PO-1
    void anAgentOutsidePartnerOperationsSeesNoDecideButtonsAndItsDeclineIsRefused() {
        var application = ops.anApplicationInReview(Desk.unique("Stranger Consulting"));
        PageSession agent = session(desk.agent());

        var page = agent.get("/ops/applications/" + application.id());
        var declined = agent.post("/ops/applications/" + application.id() + "/decline", "reason=" + PageSession.encode("No thanks"));
        var approved = agent.post("/ops/applications/" + application.id() + "/approve", "");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains(application.company(), "May we resell in two countries?")
                .doesNotContain(">Approve</button>", ">Decline</button>");
        assertThat(declined.statusCode()).isEqualTo(403);
        assertThat(declined.body()).contains("Not allowed", "Only members of Partner Operations decide");
        assertThat(approved.statusCode()).isEqualTo(403);
        assertThat(desk.admin.get("/api/v2/partner_applications/" + application.id()).at("/partner_application/status").stringValue())
                .isEqualTo("in_review");
    }

    @Test // PO-1
    void partnerOperationsSeeTheDecideButtonsButADeclineWithoutAReasonKeepsTheFormAndSaysWhy() {
        var application = ops.anApplicationInReview(Desk.unique("Reasonless"));
        PageSession partnerOps = session(nfr.member("Partner Operations"));

        var page = partnerOps.get("/ops/applications/" + application.id());
        var declined = partnerOps.post("/ops/applications/" + application.id() + "/decline", "reason=+++");

        assertThat(page.body()).contains(">Approve</button>", ">Decline</button>");
        assertThat(declined.statusCode()).isEqualTo(422);
        assertThat(declined.body()).contains("aria-invalid=\"true\"", "decision-reason-error", "Write the reason for declining");
        assertThat(desk.admin.get("/api/v2/partner_applications/" + application.id()).at("/partner_application/status").stringValue())
                .isEqualTo("in_review");
    }

    @Test // PO-2
    void anAgentOutsidePartnerOperationsCannotDecideAPortalAccessRequest() {
        long request = ops.anAccessRequest(desk.aPartner("open"));
        PageSession agent = session(desk.agent());

        var page = agent.get("/ops/access-requests/" + request);
        var approved = agent.post("/ops/access-requests/" + request + "/approve", "");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Rita Reseller").doesNotContain(">Approve</button>");
        assertThat(approved.statusCode()).isEqualTo(403);
        assertThat(desk.admin.get("/api/v2/portal_access_requests/" + request).at("/portal_access_request/status").stringValue())
                .isEqualTo("pending");
    }

    @Test // PO-4
    void aDirectorWhoIsNotTheRequestersChannelDirectorSeesNoDecideButtonsAndIsRefused() {
        var cast = ops.anExceptionCast();
        long id = ops.askException(cast, 40);
        PageSession otherDirector = session(nfr.member("Channel Directors"));
        PageSession ownDirector = session(cast.channelDirector());

        var otherPage = otherDirector.get("/ops/nfr-exceptions/" + id);
        var refused = otherDirector.post("/ops/nfr-exceptions/" + id + "/decide", "verdict=approve");
        var ownPage = ownDirector.get("/ops/nfr-exceptions/" + id);

        assertThat(otherPage.body()).contains("Demo lab for the partner", "Awaiting decision").doesNotContain(">Approve</button>");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("Only a Programs Director or the requesting channel manager");
        assertThat(ownPage.body()).contains("Your decision as Channel Director", ">Approve</button>", ">Decline</button>");
        assertThat(desk.admin.get("/api/v2/nfr_exceptions/" + id).at("/nfr_exception/decisions").size()).isZero();
    }

    @Test // PO-4
    void aChannelManagerAsksForAnExceptionFromThePartnersPageAndOthersAreRefused() {
        var cast = ops.anExceptionCast();
        PageSession manager = session(cast.channelManager());
        PageSession agent = session(desk.agent());
        String address = "/ops/nfr-exceptions/new?organization=" + cast.partner().id();

        var form = manager.get(address);
        var incomplete = manager.post(address, "request=" + cast.standardRequest() + "&users=0&justification=");
        var asked = manager.post(address, "request=" + cast.standardRequest() + "&users=40&justification="
                + PageSession.encode("Demo lab for the partner's SAs"));

        assertThat(form.body()).contains("Ask for an NFR exception for " + cast.partner().name(), "#" + cast.standardRequest() + ": 10 users");
        assertThat(incomplete.statusCode()).isEqualTo(422);
        assertThat(incomplete.body()).contains("exception-users-error", "exception-justification-error");
        assertThat(asked.statusCode()).isEqualTo(302);
        assertThat(asked.headers().firstValue("Location").orElseThrow()).matches(".*/ops/nfr-exceptions/\\d+");
        assertThat(agent.get(address).statusCode()).isEqualTo(403);
        assertThat(agent.post(address, "request=" + cast.standardRequest() + "&users=40&justification=x").statusCode()).isEqualTo(403);
    }

    @Test // UI-1 inboxes
    void theHomeCountsWhatWaitsInThePersonsOwnInboxes() {
        Account partnerOps = nfr.member("Partner Operations");
        PageSession session = session(partnerOps);
        long before = count(session.get("/ops").body(), "applications");

        ops.anApplicationInReview(Desk.unique("Counted"));
        String after = session.get("/ops/inbox-counts").body();

        assertThat(count(after, "applications")).isEqualTo(before + 1);
        assertThat(after).contains("Portal access requests", "Approved NFR exceptions to fulfil").doesNotContain("Billing accounts to create");
        String licensing = session(nfr.member("Licensing")).get("/ops").body();
        assertThat(licensing).contains("NFR requests awaiting fulfilment").doesNotContain("Partner applications in review");
    }

    @Test // PO-4: "awaiting my decision" is the director's own, and empties once they decided
    void aDirectorsInboxHoldsTheExceptionsAwaitingTheirOwnDecision() {
        var cast = ops.anExceptionCast();
        PageSession director = session(cast.channelDirector());
        assertThat(count(director.get("/ops").body(), "nfr-exceptions-mine")).isZero();

        long id = ops.askException(cast, 40);
        assertThat(count(director.get("/ops/inbox-counts").body(), "nfr-exceptions-mine")).isEqualTo(1);
        assertThat(director.get("/ops/nfr-exceptions?status=awaiting_me").body()).contains("NFR exception #" + id);

        var decided = director.post("/ops/nfr-exceptions/" + id + "/decide", "verdict=approve");
        assertThat(decided.statusCode()).isEqualTo(302);
        assertThat(count(director.get("/ops/inbox-counts").body(), "nfr-exceptions-mine")).isZero();
        assertThat(director.get("/ops/nfr-exceptions?status=awaiting_me").body()).contains("No NFR exceptions are awaiting your decision.");
    }

    private PageSession session(Account account) {
        return PageSession.signedIn(baseUrl(), passwords, account);
    }

    private static long count(String html, String inbox) {
        Matcher matcher = COUNT.matcher(html);
        while (matcher.find()) {
            if (matcher.group(1).equals(inbox)) {
                return Long.parseLong(matcher.group(2));
            }
        }
        throw new AssertionError("no inbox " + inbox + " in " + html);
    }
}
