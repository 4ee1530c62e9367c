package org.partnerdesk.attachment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.partnerdesk.Desk;
import org.partnerdesk.ZendeskClientTest;
import org.zendesk.client.v2.model.Attachment;
import org.zendesk.client.v2.model.Comment;
import org.zendesk.client.v2.model.Ticket;

/** FILE-1, API-1: the real, unchanged zendesk-java-client uploads a file and attaches it to a ticket's comments. */
class ZendeskClientUploadTest extends ZendeskClientTest {

    @Test
    void createUploadThenATicketCommentNamingItsTokenShowsTheAttachment() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0};
        Attachment.Upload upload = zendesk.createUpload("screenshot.png", "image/png", png);
        assertThat(upload.getToken()).isNotBlank();
        assertThat(upload.getAttachments()).singleElement().satisfies(a -> {
            assertThat(a.getFileName()).isEqualTo("screenshot.png");
            assertThat(a.getContentType()).isEqualTo("image/png");
            assertThat(a.getSize()).isEqualTo(png.length);
        });
        Attachment.Upload second = zendesk.createUpload(upload.getToken(), "notes.txt",
                "application/binary", "notes".getBytes(StandardCharsets.UTF_8));
        assertThat(second.getAttachments()).hasSize(2);

        Ticket ticket = new Ticket();
        ticket.setSubject("With a screenshot");
        ticket.setComment(new Comment("See the screenshot", upload.getToken()));
        ticket.setTicketFormId(Desk.SUPPORT_FORM);
        Ticket created = zendesk.createTicket(ticket);

        List<Comment> comments = new ArrayList<>();
        zendesk.getTicketComments(created.getId()).forEach(comments::add);
        assertThat(comments.getFirst().getAttachments()).extracting(Attachment::getFileName).containsExactly("screenshot.png", "notes.txt");
        Attachment attachment = comments.getFirst().getAttachments().getFirst();
        assertThat(attachment.getContentUrl()).endsWith("/api/v2/attachments/" + attachment.getId() + "/content");
        assertThat(zendesk.getAttachment(attachment.getId()).getFileName()).isEqualTo("screenshot.png");

        Attachment.Upload later = zendesk.createUpload("later.txt", "text/plain", "later".getBytes(StandardCharsets.UTF_8));
        zendesk.createComment(created.getId(), new Comment("One more", later.getToken()));
        List<Comment> after = new ArrayList<>();
        zendesk.getTicketComments(created.getId()).forEach(after::add);
        assertThat(after.getLast().getAttachments()).extracting(Attachment::getFileName).containsExactly("later.txt");

        Attachment.Upload unused = zendesk.createUpload("unused.txt", "text/plain", "x".getBytes(StandardCharsets.UTF_8));
        long unusedFile = unused.getAttachments().getFirst().getId();
        assertThat(desk.admin.get("/api/v2/attachments/" + unusedFile).status()).isEqualTo(200);
        zendesk.deleteUpload(unused.getToken());
        assertThat(desk.admin.get("/api/v2/attachments/" + unusedFile).status()).isEqualTo(404);
    }
}
