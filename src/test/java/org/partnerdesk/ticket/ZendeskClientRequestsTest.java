package org.partnerdesk.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.partnerdesk.ApiClient.Reply;
import org.partnerdesk.Desk;
import org.partnerdesk.Desk.Account;
import org.partnerdesk.Desk.Org;
import org.partnerdesk.ZendeskClientTest;
import org.zendesk.client.v2.Zendesk;
import org.zendesk.client.v2.ZendeskResponseException;
import org.zendesk.client.v2.model.Comment;
import org.zendesk.client.v2.model.Request;
import org.zendesk.client.v2.model.Status;
import org.zendesk.client.v2.model.Ticket;

/**
 * Issue #17 item 4, API-1: the real, unchanged zendesk-java-client drives the Requests API signed in as a customer's end
 * user and as a partner, with cursor pages of two: file, list (all, open, solved, CC'd), read, comment, solve.
 */
class ZendeskClientRequestsTest extends ZendeskClientTest {

    @Test
    void aCustomerFilesRepliesAndSolvesTheirRequestsThroughTheZendeskClient() {
        Org acme = desk.aCustomer();
        desk.subscribe(acme, "premium");
        Account ann = desk.endUserIn(acme);
        Account carl = desk.endUserIn(acme);
        try (Zendesk asAnn = signedInAs(ann); Zendesk asCarl = signedInAs(carl)) {
            List<Long> filed = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                Request request = new Request();
                request.setSubject("Client request " + i);
                request.setComment(new Comment("Filed through the client " + i));
                Request created = asAnn.createRequest(request);
                assertThat(created.getId()).isPositive();
                assertThat(created.getRequesterId()).isEqualTo(ann.id());
                assertThat(created.getOrganizationId()).isEqualTo(acme.id());
                assertThat(created.getStatus()).isEqualTo(Status.NEW);
                filed.add(created.getId());
            }

            assertThat(ids(asAnn.getRequests())).containsExactlyElementsOf(filed);
            assertThat(ids(asAnn.getOpenRequests())).containsExactlyElementsOf(filed);
            assertThat(ids(asAnn.getSolvedRequests())).isEmpty();
            Request read = asAnn.getRequest(filed.getFirst());
            assertThat(read.getSubject()).isEqualTo("Client request 0");
            assertThat(read.getDescription()).isEqualTo("Filed through the client 0");
            assertThat(read.getSolved()).isFalse();

            // a reply through updateRequest, and one through the ticket's own comment call
            Request reply = new Request();
            reply.setId(filed.getFirst());
            reply.setComment(new Comment("A reply through the client"));
            asAnn.updateRequest(reply);
            Ticket commented = asAnn.createComment(filed.getFirst(), new Comment("And another"));
            assertThat(commented.getId()).isEqualTo(filed.getFirst());
            List<Comment> comments = new ArrayList<>();
            asAnn.getRequestComments(filed.getFirst()).forEach(comments::add);
            assertThat(comments).extracting(Comment::getBody)
                    .containsExactly("Filed through the client 0", "A reply through the client", "And another");
            assertThat(comments).allSatisfy(c -> {
                assertThat(c.getAuthorId()).isEqualTo(ann.id());
                assertThat(c.getHtmlBody()).startsWith("<p>");
                assertThat(c.isPublic()).isTrue();
            });

            // TKT-2: the requester adds Carl, who finds it among the requests he is CC'd on
            Reply copied = ann.api().put("/api/v2/requests/" + filed.get(1), """
                    {"request":{"email_ccs":[{"user_email":"%s"}]}}""".formatted(carl.email()));
            assertThat(copied.status()).as(copied.toString()).isEqualTo(200);
            assertThat(ids(asCarl.getCCRequests())).containsExactly(filed.get(1));
            assertThat(ids(asCarl.getRequests())).isEmpty();

            // TKT-1: the requester marks it solved, as the round trip of what the client read
            Request solving = asAnn.getRequest(filed.get(2));
            solving.setSolved(true);
            Request solved = asAnn.updateRequest(solving);
            assertThat(solved.getStatus()).isEqualTo(Status.SOLVED);
            assertThat(ids(asAnn.getSolvedRequests())).containsExactly(filed.get(2));
            assertThat(ids(asAnn.getOpenRequests())).containsExactly(filed.get(0), filed.get(1));

            assertThat(asCarl.getRequest(filed.getFirst())).as("the client reads a 404 as no request").isNull();
        }
    }

    @Test
    void aPartnerReadsAndSolvesWhatItFiledForACustomerThroughTheZendeskClient() {
        Org acme = desk.aCustomer();
        desk.subscribe(acme, "premium");
        Account ann = desk.endUserIn(acme);
        Account sam = desk.endUserIn(desk.aPartner("open"));
        Reply filed = sam.api().post("/api/v2/requests", """
                {"request":{"subject":"Runner crashes","comment":{"body":"Every job dies"},"ticket_form_id":%d,
                 "requester":{"email":"%s"},"custom_fields":[{"id":%d,"value":"on_behalf_of_customer"}]}}"""
                .formatted(Desk.OPEN_PARTNER_FORM, ann.email(), Desk.PARTNER_ENGAGEMENT));
        assertThat(filed.status()).as(filed.toString()).isEqualTo(201);
        long id = filed.id("request");

        try (Zendesk asSam = signedInAs(sam); Zendesk asAnn = signedInAs(ann)) {
            assertThat(ids(asSam.getRequests())).containsExactly(id);
            assertThat(ids(asAnn.getRequests())).containsExactly(id);
            Request read = asSam.getRequest(id);
            assertThat(read.getRequesterId()).isEqualTo(ann.id());
            assertThat(read.getOrganizationId()).isEqualTo(acme.id());

            Request reply = new Request();
            reply.setId(id);
            reply.setComment(new Comment("Logs attached next"));
            asSam.updateRequest(reply);
            List<String> bodies = new ArrayList<>();
            asAnn.getRequestComments(id).forEach(c -> bodies.add(c.getBody()));
            assertThat(bodies).contains("Every job dies", "Logs attached next");

            Request solving = new Request();
            solving.setId(id);
            solving.setSolved(true);
            assertThat(asSam.updateRequest(solving).getStatus()).isEqualTo(Status.SOLVED);

            // the Support form is the customer's own: a partner names another requester only on the partner forms
            Request forAnn = new Request();
            forAnn.setSubject("On the wrong form");
            forAnn.setComment(new Comment("b"));
            forAnn.setRequester(new Ticket.Requester(null, "Ann", ann.email()));
            assertThatThrownBy(() -> asSam.createRequest(forAnn)).isInstanceOf(ZendeskResponseException.class)
                    .satisfies(e -> assertThat(((ZendeskResponseException) e).getStatusCode()).isEqualTo(403));
        }
    }

    private Zendesk signedInAs(Account account) {
        return new Zendesk.Builder(baseUrl()).setUsername(account.email()).setToken(desk.tokenFor(account.id())).setCbpPageSize(2).build();
    }

    private static List<Long> ids(Iterable<Request> requests) {
        List<Long> ids = new ArrayList<>();
        requests.forEach(r -> ids.add(r.getId()));
        return ids;
    }
}
