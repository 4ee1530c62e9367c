package org.partnerdesk.mailbox.intake;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.partnerdesk.api.Actor;
import org.partnerdesk.api.ApiException;
import org.partnerdesk.api.EmailAddress;
import org.partnerdesk.directory.User;
import org.partnerdesk.directory.Users;
import org.partnerdesk.mailbox.InboundMail;
import org.partnerdesk.mailbox.MailboxSettings;
import org.partnerdesk.mailbox.intake.Receipt.Outcome;
import org.partnerdesk.mailbox.persistence.StoredMailboxMessages;
import org.partnerdesk.notification.TicketMessageId;
import org.partnerdesk.ticket.NewTicket;
import org.partnerdesk.ticket.Ticket;
import org.partnerdesk.ticket.TicketChange;
import org.partnerdesk.ticket.TicketForms;
import org.partnerdesk.ticket.Tickets;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * PO-6 [003]: one message from the partner mailbox, in one transaction with the record of its Message-ID: a reply threads
 * into the ticket it answers, anything else from a person becomes a Partner Operations ticket from the sender.
 */
@Component
public class MailIntake {

    /** The ticket tag of mail intake, so agents can tell which tickets came by mail. */
    static final String TAG = "partner_mailbox";
    private static final Pattern SUBJECT_TICKET = Pattern.compile("\\[(?:PartnerDesk\\s+)?#(\\d{1,18})\\]", Pattern.CASE_INSENSITIVE);
    private static final Pattern QUOTE_HEADER = Pattern.compile(
            "(?m)^(On .{1,300}wrote:\\s*$|-{2,} ?Original Message ?-{2,}|From: .+$\\R^Sent: )");
    private static final int SUBJECT_LENGTH = 250;

    private final StoredMailboxMessages stored;
    private final Users users;
    private final Tickets tickets;
    private final long formId;
    private final String deskFrom;
    private final Set<String> own;
    private final MailFiles files;

    MailIntake(StoredMailboxMessages stored, Users users, Tickets tickets, TicketForms forms, MailboxSettings settings,
               @Value("${partnerdesk.mail.from:support@partnerdesk.test}") String deskFrom, MailFiles files) {
        this.stored = stored;
        this.files = files;
        this.users = users;
        this.tickets = tickets;
        this.formId = forms.formNamed("Partner Operations").id();
        this.deskFrom = deskFrom;
        Set<String> addresses = new java.util.HashSet<>();
        addresses.add(deskFrom.toLowerCase(Locale.ROOT));
        if (settings.address() != null) {
            addresses.add(settings.address().toLowerCase(Locale.ROOT));
        }
        this.own = Set.copyOf(addresses);
    }

    @Transactional
    public Receipt receive(InboundMail mail, String mailbox) {
        if (!stored.claim(mail.messageId(), mailbox, mail.from())) {
            return new Receipt(Outcome.DUPLICATE, null, "processed before");
        }
        Optional<String> automatic = AutomaticMail.why(mail, own);
        if (automatic.isPresent()) {
            return settle(mail, new Receipt(Outcome.IGNORED, null, automatic.get()));
        }
        Optional<String> address = EmailAddress.normalized(mail.from());
        if (address.isEmpty()) {
            return settle(mail, new Receipt(Outcome.IGNORED, null, "the sender " + mail.from() + " is not an e-mail address"));
        }
        User sender = users.findByEmail(address.get()).orElse(null);
        if (sender != null && !sender.active()) {
            return settle(mail, new Receipt(Outcome.IGNORED, null, "the sender " + sender.email() + " is suspended"));
        }
        if (sender != null) {
            Optional<Ticket> answered = answeredTicket(mail, actorOf(sender));
            if (answered.isPresent()) {
                MailFiles.Stored attached = store(actorOf(sender), mail);
                Copied copied = copied(mail, sender);
                Ticket ticket = answered.get();
                // TKT-2, by the ticket module's one rule: a mail's Cc adds CCs only when the requester or the partner who submitted sends it
                boolean addsCcs = tickets.mayAddCcs(actorOf(sender), ticket);
                List<TicketChange.CcChange> ccs = addsCcs
                        ? copied.known().stream().filter(u -> !ticket.collaboratorIds().contains(u.id()) && u.id() != ticket.requesterId())
                                .map(u -> TicketChange.CcChange.adding(u.id())).toList()
                        : List.of();
                tickets.update(actorOf(sender), ticket.id(), TicketChange.reply(withoutQuote(mail.body()), attached.tokens()).changingCcs(ccs));
                noteSkipped(ticket.id(), attached);
                noteCopied(ticket.id(), copied, addsCcs);
                return settle(mail, new Receipt(Outcome.COMMENT, ticket.id(), null));
            }
        }
        // PO-6: a sender the desk does not know is accepted as an end user without organization: ENT-10 flags it needs_org
        User requester = sender != null ? sender : users.provisionEndUser(address.get());
        MailFiles.Stored attached = store(actorOf(requester), mail);
        Copied copied = copied(mail, requester);
        // TKT-2: the sender opens the ticket and adds its Cc as CCs when the rule lets them (staff do not; the note says so)
        boolean addsCcs = tickets.mayAddCcsToANewTicket(actorOf(requester));
        Ticket ticket = tickets.create(actorOf(requester), NewTicket.opening(subjectOf(mail), bodyOf(mail.body()), formId)
                .copying(List.of(), addsCcs ? copied.known().stream().map(User::id).toList() : List.of()).tagged(List.of(TAG))
                .attaching(attached.tokens()));
        noteSkipped(ticket.id(), attached);
        noteCopied(ticket.id(), copied, addsCcs);
        return settle(mail, new Receipt(Outcome.TICKET, ticket.id(), sender == null ? "new sender " + requester.email() : null));
    }

    private MailFiles.Stored store(Actor author, InboundMail mail) {
        try {
            return files.store(author, mail.attachments());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e); // the mail stays unseen and is read again at the next poll
        }
    }

    /** The mail's Cc without the desk's own addresses and the sender: active users the desk knows, and the rest. */
    private record Copied(List<User> known, List<String> unknown) {
    }

    private Copied copied(InboundMail mail, User sender) {
        List<User> known = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (String raw : mail.cc()) {
            Optional<String> address = EmailAddress.normalized(raw);
            if (address.isEmpty() || own.contains(address.get()) || address.get().equalsIgnoreCase(sender.email())) {
                continue;
            }
            Optional<User> user = users.findByEmail(address.get()).filter(User::active);
            if (user.isPresent() && known.stream().noneMatch(u -> u.id() == user.get().id())) {
                known.add(user.get());
            } else if (user.isEmpty() && !unknown.contains(address.get())) {
                unknown.add(address.get());
            }
        }
        return new Copied(known, unknown);
    }

    // PO-6, TKT-2: the desk makes no users from a Cc line; an agent decides whether to ask the requester to add them
    private void noteCopied(long ticketId, Copied copied, boolean addedKnown) {
        List<String> lines = new ArrayList<>();
        if (!copied.unknown().isEmpty()) {
            lines.add("The mail was also sent (Cc) to addresses the desk does not know; they were not added as CCs (PO-6, TKT-2): "
                    + String.join(", ", copied.unknown()));
        }
        if (!addedKnown && !copied.known().isEmpty()) {
            lines.add("The mail's Cc named " + copied.known().stream().map(User::email).collect(java.util.stream.Collectors.joining(", "))
                    + "; they were not added as CCs: only the requester or the partner who submitted adds CCs (TKT-2).");
        }
        if (!lines.isEmpty()) {
            tickets.addInternalNote(ticketId, null, String.join("\n", lines));
        }
    }

    private void noteSkipped(long ticketId, MailFiles.Stored attached) {
        if (!attached.skipped().isEmpty()) {
            tickets.addInternalNote(ticketId, null, "Files of the mail that were not attached (PO-6, FILE-1):\n"
                    + String.join("\n", attached.skipped()));
        }
    }

    private Receipt settle(InboundMail mail, Receipt receipt) {
        stored.settle(mail.messageId(), receipt.outcome().code(), receipt.reason(), receipt.ticketId());
        return receipt;
    }

    // the ticket a reply answers: a Message-ID we sent or received, else the ticket number in the subject; only a ticket the
    // sender takes part in (a forged header cannot write into someone else's ticket), and not a closed one (that is a follow-up)
    private Optional<Ticket> answeredTicket(InboundMail mail, Actor sender) {
        List<Long> candidates = new ArrayList<>();
        for (String id : mail.answers()) {
            TicketMessageId.ticketOf(id, deskFrom).ifPresent(candidates::add);
        }
        stored.ticketOfAny(mail.answers()).ifPresent(candidates::add);
        Matcher subject = SUBJECT_TICKET.matcher(mail.subject());
        if (subject.find()) {
            candidates.add(Long.parseLong(subject.group(1)));
        }
        for (long candidate : candidates) {
            Optional<Ticket> ticket = visibleTo(sender, candidate).filter(t -> !t.isClosed());
            if (ticket.isPresent()) {
                return ticket;
            }
        }
        return Optional.empty();
    }

    private Optional<Ticket> visibleTo(Actor sender, long ticketId) {
        try {
            return Optional.of(tickets.find(sender, ticketId));
        } catch (ApiException notTheirs) {
            return Optional.empty();
        }
    }

    private static Actor actorOf(User user) {
        return new Actor(user.id(), user.email(), user.role(), user.organizationId(), Set.of());
    }

    private static String subjectOf(InboundMail mail) {
        String subject = mail.subject().strip();
        if (subject.isEmpty()) {
            return "(no subject)";
        }
        return subject.length() > SUBJECT_LENGTH ? subject.substring(0, SUBJECT_LENGTH) : subject;
    }

    private static String bodyOf(@Nullable String body) {
        return body == null || body.isBlank() ? "(no text)" : body.strip();
    }

    /** A reply's own words: the history it quotes below them is in the ticket already. */
    static String withoutQuote(String body) {
        Matcher quote = QUOTE_HEADER.matcher(body);
        String own = quote.find() ? body.substring(0, quote.start()) : body;
        String unquoted = own.lines().filter(line -> !line.startsWith(">")).reduce((a, b) -> a + "\n" + b).orElse("");
        return bodyOf(unquoted);
    }
}
