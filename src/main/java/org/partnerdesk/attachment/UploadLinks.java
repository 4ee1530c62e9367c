package org.partnerdesk.attachment;

import java.io.IOException;
import java.io.InputStream;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

import org.jspecify.annotations.Nullable;
import org.partnerdesk.api.WholeSeconds;
import org.partnerdesk.api.Actor;
import org.partnerdesk.api.ApiException;
import org.partnerdesk.api.CursorPage;
import org.partnerdesk.api.PageRequest;
import org.partnerdesk.attachment.persistence.StoredUploads;
import org.partnerdesk.attachment.uploader.LinkTokens;
import org.partnerdesk.attachment.uploader.UploaderSettings;
import org.partnerdesk.ticket.Ticket;
import org.partnerdesk.ticket.Tickets;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * FILE-2 Support Uploader, the ticket side: agents make per-ticket upload links (capability URLs for people who may
 * have no account), and whoever can read a ticket sees the files that arrived through them, with size and SHA-256.
 */
@Service
public class UploadLinks {

    /** A link as stored; its token is shown once, when it is made, and kept only as a SHA-256. */
    public record Link(long id, long ticketId, long createdBy, Instant expiresAt, Instant createdAt) {

        public boolean expiredAt(Instant now) {
            return !now.isBefore(expiresAt);
        }
    }

    /** A link just made, with the token its URL carries. */
    public record NewLink(Link link, String token) {
    }

    /** A finished upload linked to its ticket; {@code removedAt} is set once the ticket closed and the content went. */
    public record UploadedFile(long id, long ticketId, String fileName, long size, String sha256, Instant createdAt,
                               @Nullable Instant removedAt) {
    }

    /** A file's content, streamed; the caller closes it. */
    public record Download(UploadedFile file, InputStream content) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Tickets tickets;
    private final StoredUploads stored;
    private final FileStore files;
    private final UploaderSettings settings;
    private final Clock clock;

    UploadLinks(Tickets tickets, StoredUploads stored, FileStore files, UploaderSettings settings, Clock clock) {
        this.tickets = tickets;
        this.stored = stored;
        this.files = files;
        this.settings = settings;
        this.clock = clock;
    }

    /** FILE-2: an agent who can work the ticket makes a link that lives {@code partnerdesk.uploader.link-lifetime}. */
    @Transactional
    public NewLink create(Actor actor, long ticketId) {
        if (!actor.isStaff()) {
            throw ApiException.forbidden("Only agents make upload links (FILE-2); ask the agent on your ticket for one.");
        }
        Ticket ticket = tickets.find(actor, ticketId);
        if (ticket.isClosed()) {
            throw ApiException.invalid("ticket_id", "FILE-2", "ticket " + ticketId + " is closed; closing a ticket ends its upload links");
        }
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = HexFormat.of().formatHex(secret);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Link link = stored.insertLink(ticketId, LinkTokens.hash(token), actor.userId(), now.plus(settings.linkLifetime()), now);
        tickets.addInternalNote(ticketId, actor.userId(), "Support Uploader link #" + link.id() + " made (FILE-2); it accepts files up to "
                + settings.maxFileSize().toMegabytes() + " MB each until " + WholeSeconds.of(link.expiresAt()) + " or until the ticket closes.");
        return new NewLink(link, token);
    }

    /** The absolute tus creation URL of a link: the configured base URL, else the one the request came in on. */
    public String url(String requestBase, String token) {
        return (settings.baseUrl() != null ? settings.baseUrl() : requestBase) + "/uploader/" + token;
    }

    public CursorPage<Link> links(Actor actor, long ticketId, PageRequest page) {
        actor.requireStaff();
        tickets.find(actor, ticketId);
        return CursorPage.of(stored.links(ticketId, page.afterId(), page.fetchSize()), page, Link::id);
    }

    /** {@code active}, {@code expired}, or {@code ended} (the ticket closed). */
    public String state(Link link) {
        return tickets.isClosed(link.ticketId()) ? "ended" : link.expiredAt(clock.instant()) ? "expired" : "active";
    }

    public CursorPage<UploadedFile> files(Actor actor, long ticketId, PageRequest page) {
        tickets.find(actor, ticketId);
        return CursorPage.of(stored.files(ticketId, page.afterId(), page.fetchSize()), page, UploadedFile::id);
    }

    /** FILE-3: the content streams from the store; whoever can read the ticket may fetch it. */
    public Download open(Actor actor, long ticketId, long fileId) throws IOException {
        tickets.find(actor, ticketId);
        UploadedFile file = stored.file(ticketId, fileId).orElseThrow(() -> ApiException.notFound("Uploaded file " + fileId));
        String key = stored.storageKey(fileId).orElseThrow(() -> new ApiException(410, "Gone",
                "The content of uploaded file " + fileId + " was removed when the ticket closed; its size and SHA-256 are kept."));
        return new Download(file, files.open(key));
    }
}
