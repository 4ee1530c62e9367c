package org.partnerdesk.partnerops.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.partnerdesk.ApiClient.Reply;
import org.partnerdesk.Desk;
import org.partnerdesk.Desk.Account;
import org.partnerdesk.Desk.Org;
import org.partnerdesk.partnerops.NfrDesk;

/** What the operations pages' tests arrange through the API: applications in review, access requests, NFR exceptions. */
final class OpsFixtures {

    private final Desk desk;
    private final NfrDesk nfr;

    OpsFixtures(Desk desk, NfrDesk nfr) {
        this.desk = desk;
        this.nfr = nfr;
    }

    /** PO-1: someone signed in with the contact's own address who is not a signatory: in review at once, with a ticket. */
    Application anApplicationInReview(String company) {
        Account applicant = desk.stranger();
        Reply reply = applicant.api().post("/api/v2/partner_applications", """
                {"partner_application":{"company":"%s","contact_name":"Nina New","contact_email":"%s",
                 "authorized_signatory":false,"agreement":"questions","questions":"May we resell in two countries?"}}"""
                .formatted(company, applicant.email()));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        assertThat(reply.at("/partner_application/status").stringValue()).isEqualTo("in_review");
        return new Application(reply.id("partner_application"), company, applicant);
    }

    record Application(long id, String company, Account applicant) {
    }

    /** PO-2: a partner's user asks, for its own address: pending at once. */
    long anAccessRequest(Org partner) {
        Account asker = desk.endUserIn(partner);
        Reply reply = asker.api().post("/api/v2/portal_access_requests", """
                {"portal_access_request":{"organization_id":%d,"name":"Rita Reseller","email":"%s"}}"""
                .formatted(partner.id(), asker.email()));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return reply.id("portal_access_request");
    }

    /** PO-4: the cast of an exception: a channel manager, their Channel Director, a Programs Director, a partner's request. */
    Exception anExceptionCast() {
        Account channelDirector = nfr.member("Channel Directors");
        Account channelManager = nfr.channelManagerOf(channelDirector);
        Account programsDirector = nfr.member("Programs Directors");
        Org partner = desk.aPartner("open");
        Account sam = nfr.eligiblePartnerUser(partner);
        long standard = nfr.ask(sam, 10).id("nfr_request");
        return new Exception(channelManager, channelDirector, programsDirector, partner, sam, standard);
    }

    record Exception(Account channelManager, Account channelDirector, Account programsDirector, Org partner, Account partnerUser,
                     long standardRequest) {
    }

    long askException(Exception cast, int users) {
        Reply asked = cast.channelManager().api().post("/api/v2/nfr_exceptions", """
                {"nfr_exception":{"nfr_request_id":%d,"users":%d,"business_justification":"Demo lab for the partner's SAs"}}"""
                .formatted(cast.standardRequest(), users));
        assertThat(asked.status()).as(asked.toString()).isEqualTo(201);
        return asked.id("nfr_exception");
    }
}
