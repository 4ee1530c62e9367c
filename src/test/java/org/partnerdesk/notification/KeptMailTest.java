package org.partnerdesk.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.partnerdesk.ApiClient;
import org.partnerdesk.ApiClient.Reply;
import org.partnerdesk.Desk;
import org.partnerdesk.Desk.Account;
import org.partnerdesk.Desk.Org;
import org.partnerdesk.DeskWithoutMailServer;
import org.partnerdesk.TestDataDir;
import tools.jackson.databind.JsonNode;

/** Issue #12: with no mail server set, every outgoing mail is kept as an .eml file and listed for admins. */
class KeptMailTest extends DeskWithoutMailServer {

    @Test
    void aPublicReplyIsKeptAsAnEmlFileAndListedForAdmins() throws Exception {
        Org acme = desk.aCustomer();
        Account ann = desk.endUserIn(acme);
        Account bob = desk.endUserIn(acme);
        long id = ann.api().post("/api/v2/tickets", """
                {"ticket":{"subject":"Kept mail","comment":{"body":"opening"},"email_ccs":[{"user_email":"%s"}]}}"""
                .formatted(bob.email())).id("ticket");
        String reply = Desk.unique("Please send the logs");

        desk.agent().api().put("/api/v2/tickets/" + id, "{\"ticket\":{\"comment\":{\"body\":\"" + reply + "\",\"public\":true}}}");

        JsonNode kept = awaitKept(reply);
        assertThat(kept.get("to").get(0).stringValue()).isEqualTo(ann.email());
        assertThat(kept.get("cc").get(0).stringValue()).isEqualTo(bob.email());
        assertThat(kept.get("subject").stringValue()).isEqualTo("[PartnerDesk #" + id + "] Kept mail");
        assertThat(kept.get("created_at").stringValue()).isNotBlank();
        String messageId = kept.get("message_id").stringValue();
        assertThat(messageId).startsWith("<partnerdesk.ticket-" + id + ".");

        Reply shown = desk.admin.get("/api/v2/outgoing_mails/" + kept.get("id").longValue());
        assertThat(shown.status()).as(shown.toString()).isEqualTo(200);
        assertThat(shown.at("/outgoing_mail/body").stringValue()).contains(reply);
        HttpResponse<byte[]> eml = desk.admin.getBytes("/api/v2/outgoing_mails/" + kept.get("id").longValue() + "/eml");
        assertThat(eml.statusCode()).isEqualTo(200);
        assertThat(eml.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("message/rfc822"));
        assertThat(new String(eml.body())).contains("Message-ID: " + messageId, reply);
        try (var files = Files.list(TestDataDir.PATH.resolve("mail"))) {
            assertThat(files.map(Path::getFileName).map(Path::toString)).anyMatch(name -> name.endsWith(".eml"));
        }
    }

    @Test
    void aNewTicketsOpeningAndTheDesksQuestionAreMailedFromOneOutboxEntry() throws Exception {
        Org resellCo = desk.aPartner("open");
        Account sam = desk.endUserIn(resellCo);
        Account kim = desk.endUserIn(resellCo);
        String opening = Desk.unique("Please help");

        Reply created = sam.api().post("/api/v2/tickets", """
                {"ticket":{"subject":"Help","comment":{"body":"%s"},"ticket_form_id":%d,"email_ccs":[{"user_email":"%s"}],
                 "custom_fields":[{"id":%d,"value":"reselling_stuff"}]}}""".formatted(opening, Desk.OPEN_PARTNER_FORM, kim.email(),
                Desk.PARTNER_ENGAGEMENT));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);

        List<JsonNode> mails = awaitKeptAbout(created.id("ticket"), 2);
        JsonNode openingMail = mails.stream().filter(m -> m.get("body").stringValue().contains(opening)).findFirst().orElseThrow();
        JsonNode question = mails.stream().filter(m -> !m.get("body").stringValue().contains(opening)).findFirst().orElseThrow();
        assertThat(openingMail.get("to").get(0).stringValue()).isEqualTo(kim.email()); // never to its author
        assertThat(question.get("to").get(0).stringValue()).isEqualTo(sam.email()); // ENT-9: the desk asks the submitter
        assertThat(question.get("message_id").stringValue()).isNotEqualTo(openingMail.get("message_id").stringValue());
    }

    @Test
    void theListIsCursorPaged() throws Exception {
        Org acme = desk.aCustomer();
        Account ann = desk.endUserIn(acme);
        long id = ann.api().post("/api/v2/tickets", """
                {"ticket":{"subject":"Paged","comment":{"body":"opening"}}}""").id("ticket");
        String first = Desk.unique("first");
        String second = Desk.unique("second");
        desk.agent().api().put("/api/v2/tickets/" + id, "{\"ticket\":{\"comment\":{\"body\":\"" + first + "\",\"public\":true}}}");
        desk.agent().api().put("/api/v2/tickets/" + id, "{\"ticket\":{\"comment\":{\"body\":\"" + second + "\",\"public\":true}}}");
        awaitKept(first);
        awaitKept(second);

        Reply page = desk.admin.get("/api/v2/outgoing_mails?page[size]=1");

        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        assertThat(page.at("/outgoing_mails").size()).isEqualTo(1);
        assertThat(page.at("/meta/has_more").booleanValue()).isTrue();
        String next = page.at("/links/next").stringValue();
        Reply following = desk.admin.get(next.substring(next.indexOf("/api/v2")));
        assertThat(following.at("/outgoing_mails/0/id").longValue()).isGreaterThan(page.at("/outgoing_mails/0/id").longValue());
    }

    @Test
    void strangersAgentsAndEndUsersAreRefused() {
        Account agent = desk.agent();
        Account endUser = desk.endUserIn(desk.aCustomer());

        assertThat(desk.anonymous().get("/api/v2/outgoing_mails").status()).isEqualTo(401);
        for (ApiClient client : new ApiClient[] {agent.api(), endUser.api(), desk.stranger().api()}) {
            Reply list = client.get("/api/v2/outgoing_mails");
            assertThat(list.status()).as(list.toString()).isEqualTo(403);
            assertThat(list.at("/error").stringValue()).isNotBlank();
            assertThat(client.get("/api/v2/outgoing_mails/1").status()).isEqualTo(403);
            assertThat(client.getBytes("/api/v2/outgoing_mails/1/eml").statusCode()).isEqualTo(403);
        }
    }

    private JsonNode awaitKept(String text) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(15);
        while (Instant.now().isBefore(deadline)) {
            for (JsonNode mail : allKept()) {
                if (mail.get("body").stringValue().contains(text)) {
                    return mail;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no kept mail containing " + text);
    }

    private List<JsonNode> awaitKeptAbout(long ticketId, int count) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(15);
        List<JsonNode> found = List.of();
        while (Instant.now().isBefore(deadline) && found.size() < count) {
            Thread.sleep(100);
            found = allKept().stream().filter(m -> m.get("subject").stringValue().startsWith("[PartnerDesk #" + ticketId + "]")).toList();
        }
        assertThat(found).hasSize(count);
        return found;
    }

    private List<JsonNode> allKept() {
        List<JsonNode> all = new ArrayList<>();
        String path = "/api/v2/outgoing_mails?page[size]=100";
        while (path != null) {
            Reply page = desk.admin.get(path);
            assertThat(page.status()).as(page.toString()).isEqualTo(200);
            page.at("/outgoing_mails").forEach(all::add);
            JsonNode next = page.at("/links/next");
            path = next.isNull() || next.isMissingNode() ? null : next.stringValue().substring(next.stringValue().indexOf("/api/v2"));
        }
        return all;
    }
}
