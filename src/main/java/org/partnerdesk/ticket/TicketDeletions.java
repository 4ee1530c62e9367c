package org.partnerdesk.ticket;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.partnerdesk.api.Actor;
import org.partnerdesk.api.ApiException;
import org.partnerdesk.api.CursorPage;
import org.partnerdesk.api.KeysetRequest;
import org.partnerdesk.api.WholeSeconds;
import org.partnerdesk.directory.Groups;
import org.partnerdesk.sla.Slas;
import org.partnerdesk.ticket.persistence.StoredConversation;
import org.partnerdesk.ticket.persistence.StoredDeletions;
import org.partnerdesk.ticket.persistence.StoredTickets;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issue #17 item 5, deleting tickets as Zendesk does: a delete moves the ticket to the bin (every read, list, queue and
 * search leaves it out, its SLA clocks stop), a restore brings it back, and a purge (on request, or
 * {@link #PURGED_AFTER} after the delete) scrubs it to a tombstone. Each step is audited on the ticket.
 */
@Service
public class TicketDeletions {

    /** Zendesk keeps deleted tickets 30 days before it scrubs them. */
    public static final Duration PURGED_AFTER = Duration.ofDays(30);
    static final int PURGE_BATCH = 100;

    private final StoredTickets tickets;
    private final StoredDeletions bin;
    private final StoredConversation conversation;
    private final Slas slas;
    private final ObjectProvider<TicketFiles> files;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;

    TicketDeletions(StoredTickets tickets, StoredDeletions bin, StoredConversation conversation, Slas slas, ObjectProvider<TicketFiles> files,
                    ApplicationEventPublisher publisher, Clock clock) {
        this.tickets = tickets;
        this.bin = bin;
        this.conversation = conversation;
        this.slas = slas;
        this.files = files;
        this.publisher = publisher;
        this.clock = clock;
    }

    /** {@code DELETE /tickets/{id}}: into the bin; a ticket already there, or one that never was, is 404. */
    @Transactional
    public void delete(Actor actor, long id) {
        checkMayDelete(actor);
        Ticket ticket = tickets.findForUpdate(id).orElseThrow(() -> notFound(id));
        Instant at = clock.instant();
        bin.markDeleted(id, actor.userId(), at);
        conversation.addAudit(id, actor.userId(), List.of(new Audit.Event("Change", "status", "deleted", ticket.status().code(),
                "deleted by " + actor.email() + "; restorable until it is purged " + WholeSeconds.of(at.plus(PURGED_AFTER)))));
        slas.ticketDeleted(id, at); // TKT-4: no breach alert on a deleted ticket
        publisher.publishEvent(new TicketChanged(id, actor.userId())); // an agent on its page learns it changed
    }

    /** {@code DELETE /tickets/destroy_many?ids=}: each into the bin, all or none (an id that names no ticket is 404). */
    @Transactional
    public void deleteMany(Actor actor, List<Long> ids) {
        checkMayDelete(actor);
        for (long id : ids.stream().distinct().toList()) {
            delete(actor, id);
        }
    }

    /** {@code GET /deleted_tickets}: the bin, one keyset page. */
    @Transactional(readOnly = true)
    public CursorPage<DeletedTicket> deleted(Actor actor, DeletedTicketOrder order, KeysetRequest page) {
        checkMayDelete(actor);
        KeysetRequest.Position after = page.after();
        if (after != null && order.byDeletedAt() && after.key() == null) {
            throw KeysetRequest.invalidCursor(); // a cursor of the id order, sent with sort by deleted_at
        }
        List<DeletedTicket> fetched = bin.page(order, after == null || !order.byDeletedAt() ? null : after.instantKey(),
                after == null ? null : after.id(), page.fetchSize());
        return CursorPage.of(fetched, page, d -> new KeysetRequest.Position(order.byDeletedAt() ? d.deletedAt().toString() : null, d.id()));
    }

    /** For modules that act without a signed-in user: whether the ticket was deleted (in the bin, or purged since). */
    public boolean wasDeleted(long id) {
        return bin.wasDeleted(id);
    }

    /** For modules that act without a signed-in user: the ticket in the bin, as it was deleted (webhooks' ticket.soft_deleted). */
    public Optional<Ticket> findInBin(long id) {
        return tickets.findInBin(id);
    }

    /** For modules that act without a signed-in user: whether the ticket is in the bin (deleted, restorable, not purged). */
    public boolean isInBin(long id) {
        return bin.isInBin(id);
    }

    /** {@code PUT /deleted_tickets/{id}/restore}: back where it was, in every list; its SLA clocks run again as its status says. */
    @Transactional
    public Ticket restore(Actor actor, long id) {
        checkMayDelete(actor);
        DeletedTicket deleted = bin.findInBinForUpdate(id).orElseThrow(() -> notInBin(id));
        Instant at = clock.instant();
        bin.restore(id);
        conversation.addAudit(id, actor.userId(), List.of(new Audit.Event("Change", "status", deleted.previousState().code(), "deleted",
                "restored by " + actor.email())));
        slas.ticketRestored(id, deleted.previousState().code(), at);
        publisher.publishEvent(new TicketChanged(id, actor.userId()));
        return tickets.find(id).orElseThrow(() -> notFound(id));
    }

    /** {@code PUT /deleted_tickets/restore_many?ids=}: each back, all or none (an id not in the bin is 404). */
    @Transactional
    public List<Ticket> restoreMany(Actor actor, List<Long> ids) {
        checkMayDelete(actor);
        return ids.stream().distinct().map(id -> restore(actor, id)).toList();
    }

    /** {@code DELETE /deleted_tickets/destroy_many?ids=}: each scrubbed for good, all or none (an id not in the bin is 404). */
    @Transactional
    public void purgeMany(Actor actor, List<Long> ids) {
        checkMayDelete(actor);
        for (long id : ids.stream().distinct().toList()) {
            purge(actor, id);
        }
    }

    /** {@code DELETE /deleted_tickets/{id}}: scrubbed for good; only a ticket in the bin can be (as Zendesk). */
    @Transactional
    public void purge(Actor actor, long id) {
        checkMayDelete(actor);
        bin.findInBinForUpdate(id).orElseThrow(() -> notInBin(id));
        scrub(id);
        publisher.publishEvent(new TicketPurged(id, actor.userId()));
    }

    /**
     * The daily job: purges up to {@link #PURGE_BATCH} tickets deleted before {@code now - }{@link #PURGED_AFTER}, in one
     * transaction; answers how many, so the job calls again while batches come back full.
     */
    @Transactional
    public int purgeExpired(Instant now) {
        List<Long> expired = bin.deletedBefore(now.minus(PURGED_AFTER), PURGE_BATCH);
        expired.forEach(id -> {
            scrub(id);
            publisher.publishEvent(new TicketPurged(id, null));
        });
        return expired.size();
    }

    private void scrub(long id) {
        TicketFiles ticketFiles = files.getIfAvailable();
        if (ticketFiles != null) {
            ticketFiles.removeAllOf(id); // through the attachment module: rows now, stored files after commit
        }
        bin.scrub(id, clock.instant());
    }

    /** Issue #17 item 5: administrators, and the Support Managers group (DIR-8) who run the desk; other agents and end users may not. */
    public void checkMayDelete(Actor actor) {
        if (!actor.isAdmin() && !(actor.isStaff() && actor.isMemberOf(Groups.SUPPORT_MANAGERS))) {
            throw ApiException.forbidden("Only administrators and members of Support Managers delete, restore or purge tickets"
                    + " (issue #17). Ask a Support Manager, or set the ticket solved instead.");
        }
    }

    private static ApiException notFound(long id) {
        return ApiException.notFound("Ticket " + id);
    }

    private static ApiException notInBin(long id) {
        return ApiException.notFound("Deleted ticket " + id);
    }
}
