package org.partnerdesk.ticket.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.partnerdesk.api.Actor;
import org.partnerdesk.api.ApiException;
import org.partnerdesk.api.CursorPage;
import org.partnerdesk.api.KeysetRequest;
import org.partnerdesk.api.WholeSeconds;
import org.partnerdesk.ticket.DeletedTicket;
import org.partnerdesk.ticket.DeletedTicketOrder;
import org.partnerdesk.ticket.TicketDeletions;
import org.partnerdesk.ticket.TicketForms;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Issue #17 item 5: deleting tickets, Zendesk's {@code DELETE /tickets/{id}} and {@code /deleted_tickets}. */
@RestController
@RequestMapping("/api/v2")
class DeletedTicketController {

    private static final int MOST_IDS = 100;

    private final TicketDeletions deletions;
    private final TicketJson.Shape shape;

    DeletedTicketController(TicketDeletions deletions, TicketForms forms) {
        this.deletions = deletions;
        this.shape = new TicketJson.Shape(forms);
    }

    @DeleteMapping("/tickets/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(Actor actor, @PathVariable long id) {
        deletions.delete(actor, id);
    }

    /**
     * Zendesk answers a bulk delete with a job status; the desk deletes at once (at most 100 tickets, one transaction), so
     * the status it answers is already completed, with one result per ticket.
     */
    @DeleteMapping("/tickets/destroy_many")
    JobStatusResponse deleteMany(Actor actor, @RequestParam(name = "ids", required = false) @Nullable String ids) {
        deletions.checkMayDelete(actor); // authorize before validating
        List<Long> wanted = ids(ids, "destroy_many").stream().distinct().toList();
        deletions.deleteMany(actor, wanted);
        return completed(wanted, "Deleted");
    }

    private static JobStatusResponse completed(List<Long> ids, String status) {
        List<JobResult> results = ids.stream().map(id -> new JobResult(id, "delete", true, status)).toList();
        return new JobStatusResponse(new JobStatus(UUID.randomUUID().toString(), null, results.size(), results.size(), "completed",
                "Completed at " + WholeSeconds.of(Instant.now()), results));
    }

    @GetMapping("/deleted_tickets")
    DeletedTicketPage deleted(Actor actor, HttpServletRequest request,
                              @RequestParam(name = "sort_by", required = false) @Nullable String sortBy,
                              @RequestParam(name = "sort_order", required = false) @Nullable String sortOrder,
                              @RequestParam(name = "sort", required = false) @Nullable String sort) {
        deletions.checkMayDelete(actor); // authorize before validating
        KeysetRequest page = KeysetRequest.from(request);
        return deletions.deleted(actor, order(sortBy, sortOrder, sort), page).body(DeletedTicketJson::of, request, DeletedTicketPage::new);
    }

    @PutMapping("/deleted_tickets/{id}/restore")
    TicketController.TicketResponse restore(Actor actor, @PathVariable long id) {
        return new TicketController.TicketResponse(shape.of(deletions.restore(actor, id), actor));
    }

    /** Zendesk answers 200 with no body; all or none, an id not in the bin is 404. */
    @PutMapping("/deleted_tickets/restore_many")
    void restoreMany(Actor actor, @RequestParam(name = "ids", required = false) @Nullable String ids) {
        deletions.checkMayDelete(actor); // authorize before validating
        deletions.restoreMany(actor, ids(ids, "restore_many"));
    }

    /** As {@code /tickets/destroy_many}: done at once, answered as a completed job status with one result per ticket. */
    @DeleteMapping("/deleted_tickets/destroy_many")
    JobStatusResponse purgeMany(Actor actor, @RequestParam(name = "ids", required = false) @Nullable String ids) {
        deletions.checkMayDelete(actor); // authorize before validating
        List<Long> wanted = ids(ids, "destroy_many").stream().distinct().toList();
        deletions.purgeMany(actor, wanted);
        return completed(wanted, "Deleted");
    }

    @DeleteMapping("/deleted_tickets/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void purge(Actor actor, @PathVariable long id) {
        deletions.purge(actor, id);
    }

    // Zendesk's sort_by (id, deleted_at) and sort_order (asc, desc), or its cursor-style sort ("deleted_at", "-deleted_at")
    private static DeletedTicketOrder order(@Nullable String sortBy, @Nullable String sortOrder, @Nullable String sort) {
        String by = sortBy;
        boolean descending = false;
        if (sort != null && !sort.isBlank()) {
            descending = sort.strip().startsWith("-");
            by = sort.strip().substring(descending ? 1 : 0);
        }
        if (sortOrder != null && !sortOrder.isBlank()) {
            switch (sortOrder.strip()) {
                case "asc" -> descending = false;
                case "desc" -> descending = true;
                default -> throw ApiException.badRequest("InvalidParameter", "sort_order must be asc or desc");
            }
        }
        return switch (by == null || by.isBlank() ? "id" : by.strip()) {
            case "id" -> descending ? DeletedTicketOrder.ID_DESC : DeletedTicketOrder.ID_ASC;
            case "deleted_at" -> descending ? DeletedTicketOrder.DELETED_AT_DESC : DeletedTicketOrder.DELETED_AT_ASC;
            default -> throw ApiException.badRequest("InvalidParameter", "sort_by must be id or deleted_at");
        };
    }

    private static List<Long> ids(@Nullable String ids, String endpoint) {
        if (ids == null || ids.isBlank()) {
            throw ApiException.badRequest("InvalidParameter", "ids is required: a comma-separated list of ticket ids");
        }
        List<Long> wanted = new ArrayList<>();
        for (String part : ids.split(",")) {
            try {
                wanted.add(Long.parseLong(part.strip()));
            } catch (NumberFormatException e) {
                throw ApiException.badRequest("InvalidParameter", "ids must be a comma-separated list of ticket ids");
            }
        }
        if (wanted.size() > MOST_IDS) {
            throw ApiException.badRequest("InvalidParameter", endpoint + " takes at most " + MOST_IDS + " ids");
        }
        return wanted;
    }

    /** Zendesk's deleted ticket: who deleted it, when, and the status it had. */
    record DeletedTicketJson(long id, String subject, String description, ActorJson actor, Instant deletedAt, String previousState) {

        static DeletedTicketJson of(DeletedTicket d) {
            return new DeletedTicketJson(d.id(), d.subject(), d.description(), new ActorJson(d.deletedById(), d.deletedByName()),
                    d.deletedAt(), d.previousState().code());
        }
    }

    record ActorJson(long id, @Nullable String name) {
    }

    /** Zendesk's job status of a bulk request, as the desk answers it: finished. */
    record JobStatus(String id, @Nullable String url, int total, int progress, String status, String message, List<JobResult> results) {
    }

    record JobResult(long id, String action, boolean success, String status) {
    }

    record JobStatusResponse(JobStatus jobStatus) {
    }

    /** One cursor page of the bin (API-1). */
    record DeletedTicketPage(List<DeletedTicketJson> deletedTickets, CursorPage.Meta meta, CursorPage.Links links,
                             @Nullable String nextPage) {
    }
}
