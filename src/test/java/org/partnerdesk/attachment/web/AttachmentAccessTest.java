package org.partnerdesk.attachment.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.partnerdesk.Desk.OPEN_PARTNER_FORM;
import static org.partnerdesk.Desk.ORGANIZATION_EMAIL;
import static org.partnerdesk.Desk.PARTNER_ENGAGEMENT;
import static org.partnerdesk.attachment.Uploads.upload;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.partnerdesk.ApiClient;
import org.partnerdesk.ApiTest;
import org.partnerdesk.Desk.Account;
import org.partnerdesk.Desk.Org;
import tools.jackson.databind.JsonNode;

/** API-2 for attachments (FILE-1): whoever may read the ticket reads its files; an unattached upload is its uploader's. */
class AttachmentAccessTest extends ApiTest {

    @Test
    void theTicketsReadersReadAnAttachmentAndStrangersOtherPartnersAndOtherCustomersAreRefused() {
        Org acme = desk.aCustomer();
        Account ann = desk.endUserIn(acme);
        Account sam = desk.endUserIn(desk.aPartner("open"));
        String token = upload(sam.api(), "trace.txt", "text/plain", "stack trace".getBytes(StandardCharsets.UTF_8)).at("/upload/token").stringValue();
        long ticket = sam.api().post("/api/v2/tickets", """
                {"ticket":{"subject":"s","comment":{"body":"trace attached","uploads":["%s"]},"ticket_form_id":%d,
                 "custom_fields":[{"id":%d,"value":"%s"},{"id":%d,"value":"on_behalf_of_customer"}]}}"""
                .formatted(token, OPEN_PARTNER_FORM, ORGANIZATION_EMAIL, ann.email(), PARTNER_ENGAGEMENT)).id("ticket");
        JsonNode attachment = ann.api().get("/api/v2/tickets/" + ticket + "/comments").at("/comments/0/attachments/0");
        long id = attachment.get("id").longValue();

        for (ApiClient reader : List.of(sam.api(), ann.api(), desk.agent().api(), desk.admin)) {
            assertThat(reader.get("/api/v2/attachments/" + id).at("/attachment/file_name").stringValue()).isEqualTo("trace.txt");
            assertThat(reader.getBytes("/api/v2/attachments/" + id + "/content").body()).isEqualTo("stack trace".getBytes(StandardCharsets.UTF_8));
        }
        Account stranger = desk.stranger();
        Account otherPartner = desk.endUserIn(desk.aPartner("open"));
        Account otherCustomer = desk.endUserIn(desk.aCustomer());
        for (Account refused : List.of(stranger, otherPartner, otherCustomer)) {
            assertThat(refused.api().get("/api/v2/attachments/" + id).status()).as(refused.email()).isIn(403, 404);
            assertThat(refused.api().getBytes("/api/v2/attachments/" + id + "/content").statusCode()).as(refused.email()).isIn(403, 404);
            assertThat(refused.api().get("/api/v2/attachments/" + id).json().has("error")).isTrue();
        }
        assertThat(desk.anonymous().get("/api/v2/attachments/" + id).status()).isEqualTo(401);
        assertThat(desk.anonymous().getBytes("/api/v2/attachments/" + id + "/content").statusCode()).isEqualTo(401);
    }

    @Test
    void anUploadNotYetAttachedIsReadOnlyByItsUploader() {
        Account ann = desk.endUserIn(desk.aCustomer());
        long id = upload(ann.api(), "draft.txt", "text/plain", "draft".getBytes(StandardCharsets.UTF_8)).at("/upload/attachment/id").longValue();

        assertThat(ann.api().get("/api/v2/attachments/" + id).status()).isEqualTo(200);
        for (ApiClient other : List.of(desk.stranger().api(), desk.endUserIn(desk.aPartner("open")).api(),
                desk.endUserIn(desk.aCustomer()).api(), desk.agent().api())) {
            assertThat(other.get("/api/v2/attachments/" + id).status()).isEqualTo(404);
            assertThat(other.getBytes("/api/v2/attachments/" + id + "/content").statusCode()).isEqualTo(404);
        }
        assertThat(desk.stranger().api().get("/api/v2/attachments/999999999").status()).isEqualTo(404);
    }

    @Test
    void nobodyElseAddsToOrDeletesSomeonesUpload() {
        Account ann = desk.endUserIn(desk.aCustomer());
        String token = upload(ann.api(), "mine.txt", "text/plain", "mine".getBytes(StandardCharsets.UTF_8)).at("/upload/token").stringValue();

        for (Account other : List.of(desk.stranger(), desk.endUserIn(desk.aPartner("open")), desk.endUserIn(desk.aCustomer()))) {
            var added = upload(other.api(), "theirs.txt", token, "text/plain", java.net.http.HttpRequest.BodyPublishers.ofString("x"));
            assertThat(added.status()).as(other.email()).isEqualTo(422);
            assertThat(added.at("/details/token/0/description").stringValue()).contains("not one of your uploads");
            assertThat(other.api().delete("/api/v2/uploads/" + token).status()).as(other.email()).isEqualTo(404);
        }
        assertThat(desk.anonymous().delete("/api/v2/uploads/" + token).status()).isEqualTo(401);
        assertThat(upload(desk.anonymous(), "x.txt", "text/plain", "x".getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(401);
        assertThat(ann.api().delete("/api/v2/uploads/" + token).status()).isEqualTo(204);
    }

    @Test
    void aFileOnAnInternalNoteIsForStaffOnly() {
        Account ann = desk.endUserIn(desk.aCustomer());
        Account agent = desk.agent();
        long ticket = ann.api().post("/api/v2/tickets", """
                {"ticket":{"subject":"s","comment":{"body":"b"},"ticket_form_id":%d}}""".formatted(org.partnerdesk.Desk.SUPPORT_FORM)).id("ticket");
        String token = upload(agent.api(), "internal.txt", "text/plain", "for agents".getBytes(StandardCharsets.UTF_8)).at("/upload/token").stringValue();

        var reply = agent.api().put("/api/v2/tickets/" + ticket, """
                {"ticket":{"comment":{"body":"note","public":false,"uploads":["%s"]}}}""".formatted(token));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        long id = desk.admin.get("/api/v2/tickets/" + ticket + "/comments").at("/comments/1/attachments/0/id").longValue();

        assertThat(desk.agent().api().get("/api/v2/attachments/" + id).status()).isEqualTo(200);
        assertThat(ann.api().get("/api/v2/attachments/" + id).status()).isEqualTo(404);
        assertThat(ann.api().getBytes("/api/v2/attachments/" + id + "/content").statusCode()).isEqualTo(404);
    }
}
