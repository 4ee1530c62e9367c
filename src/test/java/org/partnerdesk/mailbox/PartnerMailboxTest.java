package org.partnerdesk.mailbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Properties;
import java.util.function.Consumer;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.search.FlagTerm;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.partnerdesk.ApiClient.Reply;
import org.partnerdesk.ApiTest;
import org.partnerdesk.Desk;
import org.partnerdesk.Desk.Account;
import org.partnerdesk.directory.Groups;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * PO-6 [003]: mail to the partner support address, delivered to GreenMail and read by the desk over IMAP, becomes Partner
 * Operations tickets; replies thread; automatic mail never makes a ticket; each message is taken in once.
 */
class PartnerMailboxTest extends ApiTest {

    private static final long PARTNER_OPERATIONS_FORM = 360001900001L;
    private static final Session SESSION = Session.getInstance(new Properties());

    @Autowired
    PartnerMailbox mailbox;

    @Autowired
    JdbcClient db;

    @BeforeEach
    void mailboxExists() {
        MAIL.setUser(PARTNER_MAILBOX, PARTNER_MAILBOX, PARTNER_MAILBOX_PASSWORD); // kept if a test restarted GreenMail
    }

    @Test
    void mailFromAPartnerBecomesAPartnerOperationsTicketFromTheSender() throws Exception { // PO-6
        Account sam = desk.endUserIn(desk.aPartner("open"));
        String id = deliver(sam.email(), "Distributor quote for Acme", "Please quote 50 Ultimate seats.", m -> { });

        mailbox.poll();

        long ticket = ticketOf(id);
        Reply filed = desk.admin.get("/api/v2/tickets/" + ticket);
        assertThat(filed.at("/ticket/requester_id").longValue()).isEqualTo(sam.id());
        assertThat(filed.at("/ticket/submitter_id").longValue()).isEqualTo(sam.id());
        assertThat(filed.at("/ticket/organization_id").longValue()).isEqualTo(sam.organizationId());
        assertThat(filed.at("/ticket/ticket_form_id").longValue()).isEqualTo(PARTNER_OPERATIONS_FORM);
        assertThat(filed.at("/ticket/group_id").longValue()).isEqualTo(desk.groupId(Groups.PARTNER_OPERATIONS));
        assertThat(filed.at("/ticket/subject").stringValue()).isEqualTo("Distributor quote for Acme");
        assertThat(filed.at("/ticket/tags").valueStream().map(t -> t.stringValue())).contains("partner_mailbox");
        assertThat(sam.api().get("/api/v2/tickets/" + ticket + "/comments").at("/comments/0/body").stringValue())
                .isEqualTo("Please quote 50 Ultimate seats.");
        assertThat(unseen()).isZero();
    }

    @Test
    void mailFromAnUnknownSenderIsAcceptedAndFlaggedNeedsOrg() throws Exception { // PO-6, ENT-10
        String stranger = Desk.unique("someone").toLowerCase() + "@unknown-company.test";
        String id = deliver(stranger, "We want to become partners", "How do we sign up?", m -> { });

        mailbox.poll();

        long ticket = ticketOf(id);
        Reply filed = desk.admin.get("/api/v2/tickets/" + ticket);
        assertThat(filed.at("/ticket/organization_id").isNull()).isTrue();
        long requester = filed.at("/ticket/requester_id").longValue();
        assertThat(desk.admin.get("/api/v2/users/" + requester).at("/user/email").stringValue()).isEqualTo(stranger);
        Reply entitlement = desk.admin.get("/api/v2/tickets/" + ticket + "/entitlement");
        assertThat(entitlement.at("/entitlement/flags").valueStream().map(f -> f.stringValue())).contains("needs_org");
        assertThat(desk.admin.get("/api/v2/search?query=flag:needs_org%20tags:partner_mailbox").text()).contains("\"id\":" + ticket);
    }

    @Test
    void aReplyToTheDesksMailThreadsIntoTheSameTicket() throws Exception { // PO-6, NTF-1
        Account sam = desk.endUserIn(desk.aPartner("select"));
        long ticket = ticketOf(deliverAndPoll(sam.email(), "Opportunity record", "Please attach the opportunity."));
        String answer = Desk.unique("Which opportunity");
        desk.agent().api().put("/api/v2/tickets/" + ticket, "{\"ticket\":{\"comment\":{\"body\":\"" + answer + "\",\"public\":true}}}");
        MimeMessage sent = awaitMail(sam.email(), answer);
        String sentId = sent.getMessageID();
        assertThat(sentId).startsWith("<partnerdesk.ticket-" + ticket + ".").endsWith("@partnerdesk.test>");
        assertThat(sent.getHeader("References", " ")).isEqualTo("<partnerdesk.ticket-" + ticket + "@partnerdesk.test>");

        String reply = deliver(sam.email(), "Re: Opportunity record", "The Acme renewal.\n\nOn Monday, PartnerDesk wrote:\n> " + answer,
                m -> header(m, "In-Reply-To", sentId));
        mailbox.poll();

        assertThat(ticketOf(reply)).isEqualTo(ticket);
        Reply comments = desk.admin.get("/api/v2/tickets/" + ticket + "/comments");
        var last = comments.at("/comments").get(comments.at("/comments").size() - 1);
        assertThat(last.get("body").stringValue()).isEqualTo("The Acme renewal.");
        assertThat(last.get("author_id").longValue()).isEqualTo(sam.id());
        assertThat(db.sql("select count(*) from mailbox_messages where ticket_id = ?").param(ticket).query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void aReplyThreadsByTheTicketNumberInTheSubjectOrByAMessageIdTheDeskReceived() throws Exception { // PO-6
        Account sam = desk.endUserIn(desk.aPartner("open"));
        String first = deliverAndPoll(sam.email(), "NFR question", "How many NFR users do we get?");
        long ticket = ticketOf(first);

        String bySubject = deliverAndPoll(sam.email(), "Re: [#" + ticket + "] NFR question", "And for how long?");
        String byReference = deliver(sam.email(), "Re: NFR question", "One more thing.", m -> header(m, "References", first));
        mailbox.poll();

        assertThat(ticketOf(bySubject)).isEqualTo(ticket);
        assertThat(ticketOf(byReference)).isEqualTo(ticket);
        assertThat(desk.admin.get("/api/v2/tickets/" + ticket + "/comments").at("/comments").size()).isEqualTo(3);
    }

    @Test
    void someoneElsesTicketNumberDoesNotThreadTheirMailIntoIt() throws Exception { // PO-6, API-2
        Account sam = desk.endUserIn(desk.aPartner("open"));
        long ticket = ticketOf(deliverAndPoll(sam.email(), "Our billing", "Private matter."));
        Account other = desk.endUserIn(desk.aPartner("open"));

        String forged = deliverAndPoll(other.email(), "Re: [#" + ticket + "] Our billing", "Let me in.");

        assertThat(ticketOf(forged)).isNotEqualTo(ticket);
        assertThat(desk.admin.get("/api/v2/tickets/" + ticket + "/comments").at("/comments").size()).isEqualTo(1);
    }

    @Test
    void aReplyToAClosedTicketIsAFollowUp() throws Exception { // PO-6, TKT-1: closed is final
        Account sam = desk.endUserIn(desk.aPartner("open"));
        long ticket = ticketOf(deliverAndPoll(sam.email(), "Portal access", "Please give Kim access."));
        desk.agent().api().put("/api/v2/tickets/" + ticket, "{\"ticket\":{\"status\":\"solved\"}}");
        desk.agent().api().put("/api/v2/tickets/" + ticket, "{\"ticket\":{\"status\":\"closed\"}}");

        String reply = deliverAndPoll(sam.email(), "Re: [PartnerDesk #" + ticket + "] Portal access", "Kim needs access again.");

        assertThat(ticketOf(reply)).isNotEqualTo(ticket);
        assertThat(desk.admin.get("/api/v2/tickets/" + ticket + "/comments").at("/comments").size()).isEqualTo(1);
    }

    @Test
    void aReplyReopensASolvedTicket() throws Exception { // PO-6, TKT-1
        Account sam = desk.endUserIn(desk.aPartner("open"));
        long ticket = ticketOf(deliverAndPoll(sam.email(), "Deal registration", "Where do we register deals?"));
        desk.agent().api().put("/api/v2/tickets/" + ticket, "{\"ticket\":{\"status\":\"solved\"}}");

        deliverAndPoll(sam.email(), "Re: [PartnerDesk #" + ticket + "] Deal registration", "It did not work.");

        assertThat(desk.admin.get("/api/v2/tickets/" + ticket).at("/ticket/status").stringValue()).isEqualTo("open");
    }

    @Test
    void autoRepliesBouncesAndOurOwnMailNeverMakeTickets() throws Exception { // PO-6
        String person = Desk.unique("ooo").toLowerCase() + "@resell.test";
        List<String> automatic = List.of(
                deliver(person, "Out of office", "Back Monday", m -> header(m, "Auto-Submitted", "auto-replied")),
                deliver(person, "Newsletter", "News", m -> header(m, "Precedence", "bulk")),
                deliver(person, "Away", "Away", m -> header(m, "Precedence", "auto_reply")),
                deliver(person, "Junk", "Junk", m -> header(m, "Precedence", "junk")),
                deliver(person, "Vacation", "Vacation", m -> header(m, "X-Autoreply", "yes")),
                deliver("MAILER-DAEMON@mx.resell.test", "Undelivered Mail Returned to Sender", "550 no such user", m -> { }),
                deliver(person, "Delivery Status Notification", "failed", m -> header(m, "Return-Path", "<>")),
                deliver("support@partnerdesk.test", "[PartnerDesk #1] Loop", "our own reply", m -> { }),
                deliver(PARTNER_MAILBOX, "Loop", "from the mailbox itself", m -> { }));

        mailbox.poll();

        for (String id : automatic) {
            assertThat(outcomeOf(id)).as(id).startsWith("ignored: ");
            assertThat(db.sql("select ticket_id from mailbox_messages where message_id = ?").param(id).query(Long.class).optional()
                    .filter(t -> t != null)).isEmpty();
        }
        assertThat(outcomeOf(automatic.get(0))).contains("Auto-Submitted");
        assertThat(outcomeOf(automatic.get(5))).contains("bounce");
        assertThat(outcomeOf(automatic.get(7))).contains("loop");
        assertThat(desk.admin.get("/api/v2/users/search?query=" + person).at("/users").size()).as("no user made for a robot").isZero();
        assertThat(unseen()).isZero();
    }

    @Test
    void autoSubmittedNoIsAPersonsMail() throws Exception { // PO-6: RFC 3834 "no" means a person sent it
        Account sam = desk.endUserIn(desk.aPartner("open"));

        String id = deliver(sam.email(), "Question", "From a person", m -> header(m, "Auto-Submitted", "no"));
        mailbox.poll();

        assertThat(outcomeOf(id)).isEqualTo("ticket");
    }

    @Test
    void eachMessageIsTakenInOnceEvenWhenReadAgain() throws Exception { // PO-6: a crash before \Seen, or a second node
        Account sam = desk.endUserIn(desk.aPartner("open"));
        String id = deliverAndPoll(sam.email(), "Account creation", "Please create our account.");
        long ticket = ticketOf(id);

        markAllUnseen();
        deliver(sam.email(), "Account creation", "Please create our account.", m -> header(m, "Message-ID", id)); // delivered twice
        while (mailbox.poll().read() > 0) {
            // every message of the mailbox is unseen again, read in batches
        }

        assertThat(db.sql("select count(*) from tickets where requester_id = ?").param(sam.id()).query(Long.class).single()).isEqualTo(1);
        assertThat(desk.admin.get("/api/v2/tickets/" + ticket + "/comments").at("/comments").size()).isEqualTo(1);
        assertThat(unseen()).isZero();
    }

    @Test
    void theMailboxIsReadByAJobOnTheJobScheduler() { // PO-6: configured here, so the recurring job is registered
        assertThat(db.sql("select count(*) from scheduled_tasks where task_name = 'partner-mailbox-poll'").query(Long.class).single())
                .isEqualTo(1);
        assertThat(mailbox.isConfigured()).isTrue();
    }

    @Test
    void attachedFilesBecomeAttachmentsOfTheCommentAndOversizedOrHostileOnesAreNoted() throws Exception { // PO-6, FILE-1
        Account sam = desk.endUserIn(desk.aPartner("open"));
        byte[] quote = "quote for 50 seats".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] tooBig = new byte[20 * 1024 * 1024 + 1];
        String id = deliver(sam.email(), "Quote attached", "See the attached quote.", m -> attach(m,
                file("quote.txt", quote), file("../../etc/passwd", quote), file("huge.iso", tooBig)));

        mailbox.poll();

        long ticket = ticketOf(id);
        Reply comments = desk.admin.get("/api/v2/tickets/" + ticket + "/comments");
        var first = comments.at("/comments/0");
        assertThat(first.get("body").stringValue()).isEqualTo("See the attached quote.");
        assertThat(first.get("attachments").size()).isEqualTo(1);
        long attachment = first.at("/attachments/0/id").longValue();
        assertThat(first.at("/attachments/0/file_name").stringValue()).isEqualTo("quote.txt");
        assertThat(sam.api().getBytes("/api/v2/attachments/" + attachment + "/content").body()).isEqualTo(quote);
        var note = comments.at("/comments/1");
        assertThat(note.get("public").booleanValue()).isFalse();
        assertThat(note.get("body").stringValue()).contains("\"huge.iso\": larger than 20 MB").contains("Support Uploader")
                .contains("\"../../etc/passwd\": not attached, The file name contains a path separator");
        for (Account refused : List.of(desk.stranger(), desk.endUserIn(desk.aPartner("open")), desk.endUserIn(desk.aCustomer()))) {
            assertThat(refused.api().getBytes("/api/v2/attachments/" + attachment + "/content").statusCode()).isIn(403, 404);
        }
    }

    @Test
    void aReplysAttachedFileIsAttachedToTheReplyComment() throws Exception { // PO-6, FILE-1
        Account sam = desk.endUserIn(desk.aPartner("open"));
        long ticket = ticketOf(deliverAndPoll(sam.email(), "Logs", "Logs follow."));
        byte[] log = "ERROR boom".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        deliver(sam.email(), "Re: [#" + ticket + "] Logs", "Here they are.", m -> attach(m, file("server.log", log)));

        mailbox.poll();

        var reply = desk.admin.get("/api/v2/tickets/" + ticket + "/comments").at("/comments/1");
        assertThat(reply.get("author_id").longValue()).isEqualTo(sam.id());
        assertThat(reply.at("/attachments/0/file_name").stringValue()).isEqualTo("server.log");
        assertThat(desk.admin.get("/api/v2/tickets/" + ticket + "/comments").at("/comments").size()).isEqualTo(2);
    }

    private static jakarta.mail.internet.MimeBodyPart file(String name, byte[] content) {
        try {
            jakarta.mail.internet.MimeBodyPart part = new jakarta.mail.internet.MimeBodyPart();
            part.setDataHandler(new jakarta.activation.DataHandler(new jakarta.mail.util.ByteArrayDataSource(content, "application/octet-stream")));
            part.setFileName(name);
            part.setDisposition(jakarta.mail.Part.ATTACHMENT);
            return part;
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void attach(MimeMessage message, jakarta.mail.internet.MimeBodyPart... files) {
        try {
            jakarta.mail.internet.MimeMultipart mixed = new jakarta.mail.internet.MimeMultipart("mixed");
            jakarta.mail.internet.MimeBodyPart text = new jakarta.mail.internet.MimeBodyPart();
            text.setText((String) message.getContent());
            mixed.addBodyPart(text);
            for (jakarta.mail.internet.MimeBodyPart file : files) {
                mixed.addBodyPart(file);
            }
            message.setContent(mixed);
        } catch (jakarta.mail.MessagingException | java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void knownCcAddressesOfTheRequestersMailBecomeCcsAndUnknownOnesAreNoted() throws Exception { // PO-6, TKT-2
        Desk.Org partner = desk.aPartner("open");
        Account sam = desk.endUserIn(partner);
        Account kim = desk.endUserIn(partner);
        Account lee = desk.endUserIn(desk.aCustomer());
        String unknown = Desk.unique("nobody").toLowerCase() + "@elsewhere.test";
        String id = deliver(sam.email(), "Deal registration", "Please register the deal.",
                m -> header(m, "Cc", kim.email() + ", " + unknown + ", " + PARTNER_MAILBOX + ", " + sam.email()));

        mailbox.poll();

        long ticket = ticketOf(id);
        assertThat(desk.admin.get("/api/v2/tickets/" + ticket).at("/ticket/collaborator_ids").valueStream().map(v -> v.longValue()))
                .containsExactly(kim.id());
        assertThat(db.sql("select count(*) from users where email = ?").param(unknown).query(Long.class).single()).isZero();
        Reply comments = desk.admin.get("/api/v2/tickets/" + ticket + "/comments");
        assertThat(comments.at("/comments/1/public").booleanValue()).isFalse();
        assertThat(comments.at("/comments/1/body").stringValue()).contains(unknown).doesNotContain(kim.email());
        assertThat(kim.api().get("/api/v2/tickets/" + ticket).status()).isEqualTo(200);

        // a reply from the requester adds a CC; one from a CC'd person does not
        deliver(sam.email(), "Re: [#" + ticket + "] Deal registration", "Adding Lee.", m -> header(m, "Cc", lee.email()));
        mailbox.poll();
        assertThat(desk.admin.get("/api/v2/tickets/" + ticket).at("/ticket/collaborator_ids").valueStream().map(v -> v.longValue()))
                .containsExactlyInAnyOrder(kim.id(), lee.id());
        Account max = desk.endUserIn(partner);
        deliver(kim.email(), "Re: [#" + ticket + "] Deal registration", "And Max.", m -> header(m, "Cc", max.email()));
        mailbox.poll();
        assertThat(desk.admin.get("/api/v2/tickets/" + ticket).at("/ticket/collaborator_ids").valueStream().map(v -> v.longValue()))
                .containsExactlyInAnyOrder(kim.id(), lee.id());
        Reply after = desk.admin.get("/api/v2/tickets/" + ticket + "/comments");
        assertThat(after.at("/comments").get(after.at("/comments").size() - 1).get("body").stringValue())
                .contains(max.email()).contains("only the requester or the partner who submitted adds CCs");
    }

    @Test
    void mailFromAnAgentDoesNotCopyThePeopleOnItsCcLine() throws Exception { // #10 item 4: TKT-2 on every path
        Account agent = desk.agent();
        Account lee = desk.endUserIn(desk.aCustomer());
        String id = deliver(agent.email(), "Please look at this", "Forwarding a customer's question.",
                m -> header(m, "Cc", lee.email()));

        mailbox.poll();

        long ticket = ticketOf(id);
        assertThat(desk.admin.get("/api/v2/tickets/" + ticket).at("/ticket/collaborator_ids").size()).isZero();
        assertThat(lee.api().get("/api/v2/tickets/" + ticket).status()).isEqualTo(404);
        Reply comments = desk.admin.get("/api/v2/tickets/" + ticket + "/comments");
        JsonNode note = comments.at("/comments").get(comments.at("/comments").size() - 1);
        assertThat(note.get("public").booleanValue()).isFalse();
        assertThat(note.get("body").stringValue()).contains(lee.email()).contains("they were not added as CCs");
    }

    // --- the mailbox, as a partner's mail server would fill it ---

    private String deliverAndPoll(String from, String subject, String body) throws Exception {
        String id = deliver(from, subject, body, m -> { });
        mailbox.poll();
        return id;
    }

    private String deliver(String from, String subject, String body, Consumer<MimeMessage> headers) throws Exception {
        MimeMessage message = new MimeMessage(SESSION) {
            @Override
            protected void updateMessageID() throws jakarta.mail.MessagingException {
                if (getHeader("Message-ID") == null) {
                    super.updateMessageID();
                }
            }
        };
        message.setFrom(new InternetAddress(from));
        message.setRecipients(Message.RecipientType.TO, PARTNER_MAILBOX);
        message.setSubject(subject);
        message.setText(body);
        headers.accept(message);
        message.saveChanges();
        MAIL.getUserManager().getUserByEmail(PARTNER_MAILBOX).deliver(message);
        return message.getMessageID();
    }

    private static void header(MimeMessage message, String name, String value) {
        try {
            message.setHeader(name, value);
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private long ticketOf(String messageId) {
        return db.sql("select ticket_id from mailbox_messages where message_id = ?").param(messageId).query(Long.class).single();
    }

    private String outcomeOf(String messageId) {
        return db.sql("select outcome || coalesce(': ' || reason, '') from mailbox_messages where message_id = ?").param(messageId)
                .query(String.class).single();
    }

    private int unseen() throws Exception {
        try (Store store = imap()) {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            int count = inbox.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false)).length;
            inbox.close(false);
            return count;
        }
    }

    private void markAllUnseen() throws Exception {
        try (Store store = imap()) {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_WRITE);
            for (Message message : inbox.getMessages()) {
                message.setFlag(Flags.Flag.SEEN, false);
            }
            inbox.close(false);
        }
    }

    private Store imap() throws Exception {
        Store store = SESSION.getStore("imap");
        store.connect("127.0.0.1", MAIL.getImap().getPort(), PARTNER_MAILBOX, PARTNER_MAILBOX_PASSWORD);
        return store;
    }
}
