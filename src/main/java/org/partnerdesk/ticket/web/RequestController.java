package org.partnerdesk.ticket.web;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.partnerdesk.api.Actor;
import org.partnerdesk.api.ApiException;
import org.partnerdesk.api.CursorPage;
import org.partnerdesk.api.EmailAddress;
import org.partnerdesk.api.JsonBody;
import org.partnerdesk.api.KeysetRequest;
import org.partnerdesk.api.PageRequest;
import org.partnerdesk.directory.User;
import org.partnerdesk.directory.Users;
import org.partnerdesk.ticket.Comment;
import org.partnerdesk.ticket.CommentUploads;
import org.partnerdesk.ticket.RequestList;
import org.partnerdesk.ticket.RequestOrder;
import org.partnerdesk.ticket.Requests;
import org.partnerdesk.ticket.Ticket;
import org.partnerdesk.ticket.TicketChange;
import org.partnerdesk.ticket.TicketForms;
import org.partnerdesk.ticket.TicketStatus;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Issue #17 item 4, {@code /api/v2/requests}: Zendesk's end-user view of tickets, for customer apps. Lists, reads and writes
 * are {@link Requests}'; a new request is read by the ticket intake's own reader and filed by {@code Tickets.create}.
 */
@RestController
class RequestController {

    private static final int MAX_BODY = 65_536;
    /** What a new request may name, as Zendesk's create request takes it; the rest of a ticket is the agents'. */
    private static final List<String> CREATE_FIELDS = List.of("subject", "comment", "description", "ticket_form_id", "priority", "type",
            "custom_fields", "fields", "email_ccs", "collaborators", "collaborator_ids");
    private static final Set<TicketStatus> UNSOLVED = EnumSet.of(TicketStatus.NEW, TicketStatus.OPEN, TicketStatus.PENDING, TicketStatus.HOLD);
    private static final Set<TicketStatus> SOLVED = EnumSet.of(TicketStatus.SOLVED, TicketStatus.CLOSED);

    private final Requests requests;
    private final TicketController intake;
    private final TicketForms forms;
    private final Users users;
    private final CommentUploads uploads;
    private final RequestJson.Shape shape;

    RequestController(Requests requests, TicketController intake, TicketForms forms, Users users, CommentUploads uploads) {
        this.requests = requests;
        this.intake = intake;
        this.forms = forms;
        this.users = users;
        this.uploads = uploads;
        this.shape = new RequestJson.Shape(new TicketJson.Shape(forms), requests);
    }

    /** The person's own requests: asked or filed for a customer (TKT-5). */
    @GetMapping("/api/v2/requests")
    RequestPage mine(Actor actor, @RequestParam(name = "status", required = false) @Nullable String status,
                     @RequestParam(name = "sort_by", required = false) @Nullable String sortBy,
                     @RequestParam(name = "sort_order", required = false) @Nullable String sortOrder,
                     @RequestParam(name = "page", required = false) @Nullable String page, HttpServletRequest request) {
        return list(actor, RequestList.MINE, statuses(status), order(sortBy, sortOrder), page, request);
    }

    /** The person's own requests not yet solved: new, open, pending or on hold. */
    @GetMapping("/api/v2/requests/open")
    RequestPage open(Actor actor, @RequestParam(name = "sort_by", required = false) @Nullable String sortBy,
                     @RequestParam(name = "sort_order", required = false) @Nullable String sortOrder,
                     @RequestParam(name = "page", required = false) @Nullable String page, HttpServletRequest request) {
        return list(actor, RequestList.MINE, UNSOLVED, order(sortBy, sortOrder), page, request);
    }

    /** The person's own requests solved or closed. */
    @GetMapping("/api/v2/requests/solved")
    RequestPage solved(Actor actor, @RequestParam(name = "sort_by", required = false) @Nullable String sortBy,
                       @RequestParam(name = "sort_order", required = false) @Nullable String sortOrder,
                       @RequestParam(name = "page", required = false) @Nullable String page, HttpServletRequest request) {
        return list(actor, RequestList.MINE, SOLVED, order(sortBy, sortOrder), page, request);
    }

    /** TKT-2: the requests the person is CC'd on. */
    @GetMapping("/api/v2/requests/ccd")
    RequestPage ccd(Actor actor, @RequestParam(name = "status", required = false) @Nullable String status,
                    @RequestParam(name = "sort_by", required = false) @Nullable String sortBy,
                    @RequestParam(name = "sort_order", required = false) @Nullable String sortOrder,
                    @RequestParam(name = "page", required = false) @Nullable String page, HttpServletRequest request) {
        return list(actor, RequestList.CCD, statuses(status), order(sortBy, sortOrder), page, request);
    }

    /** API-2: one's own organization's requests, where it shares them among its people. */
    @GetMapping("/api/v2/organizations/{id}/requests")
    RequestPage organization(Actor actor, @PathVariable long id, @RequestParam(name = "status", required = false) @Nullable String status,
                             @RequestParam(name = "sort_by", required = false) @Nullable String sortBy,
                             @RequestParam(name = "sort_order", required = false) @Nullable String sortOrder,
                             @RequestParam(name = "page", required = false) @Nullable String page, HttpServletRequest request) {
        requests.checkMayListOrganization(actor, id);
        return list(actor, RequestList.ORGANIZATION, statuses(status), order(sortBy, sortOrder), page, request);
    }

    /** TKT-6 search over the person's requests and their public conversation, Zendesk's offset pages (at most 1,000 results). */
    @GetMapping("/api/v2/requests/search")
    RequestPage search(Actor actor, @RequestParam(name = "query", required = false) @Nullable String query,
                       @RequestParam(name = "page", required = false) @Nullable String page,
                       @RequestParam(name = "per_page", required = false) @Nullable String perPage,
                       @RequestParam(name = "sort_by", required = false) @Nullable String sortBy,
                       @RequestParam(name = "sort_order", required = false) @Nullable String sortOrder) {
        int number = PageRequest.wholeNumber("page", page, 1, SearchController.MAX_RESULTS, 1);
        int size = PageRequest.wholeNumber("per_page", perPage, 1, SearchController.MAX_PER_PAGE, SearchController.MAX_PER_PAGE);
        if ((long) number * size > SearchController.MAX_RESULTS) {
            throw ApiException.badRequest("InvalidPaginationParameter", "Search answers at most " + SearchController.MAX_RESULTS
                    + " results (page times per_page); narrow the query or sort it differently.");
        }
        Requests.Numbered found = requests.search(actor, query == null ? "" : query, number, size, sortBy, sortOrder);
        return new RequestPage(found.requests().stream().map(t -> shape.of(t, actor)).toList(), null, null,
                found.hasMore() ? pageLink(number + 1) : null, number > 1 ? pageLink(number - 1) : null, found.count());
    }

    @GetMapping("/api/v2/requests/{id}")
    RequestResponse show(Actor actor, @PathVariable long id) {
        return new RequestResponse(shape.of(requests.find(actor, id), actor));
    }

    @GetMapping("/api/v2/requests/{id}/comments")
    RequestCommentPage comments(Actor actor, @PathVariable long id, HttpServletRequest request) {
        CursorPage<Comment> page = requests.comments(actor, id, PageRequest.from(request));
        Map<Long, List<CommentUploads.CommentAttachment>> files = uploads.attachmentsOf(page.items().stream().map(Comment::id).toList());
        return page.body(c -> TicketCommentJson.of(c, files.getOrDefault(c.id(), List.of())), request, RequestCommentPage::new);
    }

    @GetMapping("/api/v2/requests/{id}/comments/{commentId}")
    RequestCommentResponse comment(Actor actor, @PathVariable long id, @PathVariable long commentId) {
        Comment comment = requests.comment(actor, id, commentId);
        return new RequestCommentResponse(TicketCommentJson.of(comment,
                uploads.attachmentsOf(List.of(comment.id())).getOrDefault(comment.id(), List.of())));
    }

    /** SPEC 7: the intake of {@code POST /tickets}, from Zendesk's request body; {@code requester} names the customer a partner files for. */
    @PostMapping("/api/v2/requests")
    @ResponseStatus(HttpStatus.CREATED)
    RequestResponse create(Actor actor, @RequestBody JsonNode body) {
        JsonBody request = JsonBody.root(body, "request");
        ObjectNode ticket = JsonNodeFactory.instance.objectNode();
        for (String field : CREATE_FIELDS) {
            JsonNode value = request.raw(field);
            if (value != null) {
                ticket.set(field, value);
            }
        }
        checkPublic(request);
        onBehalfOf(actor, request, ticket);
        request.throwIfInvalid();
        Ticket filed = requests.create(actor, intake.newTicket(JsonNodeFactory.instance.objectNode().set("ticket", ticket)));
        return new RequestResponse(shape.of(filed, actor));
    }

    /** A reply ({@code comment}), "mark as solved" ({@code solved: true}) and CCs (TKT-2); other fields are the agents' and ignored. */
    @PutMapping("/api/v2/requests/{id}")
    RequestResponse update(Actor actor, @PathVariable long id, @RequestBody JsonNode body) {
        Ticket found = requests.find(actor, id); // API-2 before the body is read
        JsonBody request = JsonBody.root(body, "request");
        TicketChange.Comment comment = null;
        if (request.raw("comment") != null) {
            JsonBody c = request.object("comment");
            String text = c.requiredText("body", MAX_BODY);
            List<String> uploadTokens = c.texts("uploads", 100, 50);
            comment = text == null ? null : new TicketChange.Comment(text, true, uploadTokens == null ? List.of() : uploadTokens);
        }
        checkPublic(request);
        Boolean solved = request.bool("solved");
        TicketChange change = TicketChange.fields().withComment(comment).settingStatus(Boolean.TRUE.equals(solved) ? TicketStatus.SOLVED : null)
                .changingCcs(CcRequests.changes(request)).replacingCcs(CcRequests.wholeList(request));
        request.throwIfInvalid();
        if (change.comment() == null && change.status() == null && !change.changesTheCcs()) {
            return new RequestResponse(shape.of(found, actor)); // nothing asked: no audit of nothing
        }
        return new RequestResponse(shape.of(requests.update(actor, id, change), actor));
    }

    private static RequestOrder order(@Nullable String sortBy, @Nullable String sortOrder) {
        return RequestOrder.of(sortBy, sortOrder).orElseThrow(() ->
                ApiException.badRequest("InvalidParameter", "sort_by must be created_at or updated_at, sort_order asc or desc."));
    }

    private RequestPage list(Actor actor, RequestList list, Set<TicketStatus> statuses, RequestOrder order, @Nullable String number,
                             HttpServletRequest request) {
        if (number != null && request.getParameter("page[after]") == null && request.getParameter("page[size]") == null) {
            return numbered(actor, list, statuses, order, number, request);
        }
        return requests.page(actor, list, statuses, order, KeysetRequest.from(request))
                .body(t -> shape.of(t, actor), request, (items, meta, links, next) -> new RequestPage(items, meta, links, next, null, null));
    }

    // Zendesk's offset pages: ?page=2&per_page=25, with next_page, previous_page and count
    private RequestPage numbered(Actor actor, RequestList list, Set<TicketStatus> statuses, RequestOrder order, String number,
                                 HttpServletRequest request) {
        int page;
        try {
            page = Integer.parseInt(number.strip());
        } catch (NumberFormatException e) {
            page = -1;
        }
        if (page < 1 || page > Requests.MAX_OFFSET_PAGE) {
            throw ApiException.badRequest("InvalidPaginationParameter", "page must be a whole number from 1 to " + Requests.MAX_OFFSET_PAGE
                    + "; page further with page[size] and page[after] (cursor pagination).");
        }
        int size = PageRequest.sizeFrom(request);
        Requests.Numbered found = requests.numberedPage(actor, list, statuses, order, page, size);
        String next = found.hasMore() && page < Requests.MAX_OFFSET_PAGE ? pageLink(page + 1) : null;
        String previous = page > 1 ? pageLink(page - 1) : null;
        return new RequestPage(found.requests().stream().map(t -> shape.of(t, actor)).toList(), null, null, next, previous, found.count());
    }

    private static String pageLink(int page) {
        return ServletUriComponentsBuilder.fromCurrentRequest().replaceQueryParam("page", page).build().toUriString();
    }

    /** {@code ?status=open,pending}: any of these statuses; absent: all. */
    private static Set<TicketStatus> statuses(@Nullable String status) {
        Set<TicketStatus> wanted = EnumSet.noneOf(TicketStatus.class);
        if (status == null || status.isBlank()) {
            return wanted;
        }
        for (String code : status.split(",")) {
            String stripped = code.strip();
            if (!TicketStatus.codes().contains(stripped)) {
                throw ApiException.badRequest("InvalidParameter", "status must be one or more of " + String.join(", ", TicketStatus.codes())
                        + ", separated by commas.");
            }
            wanted.add(TicketStatus.of(stripped));
        }
        return wanted;
    }

    // TKT-1: the Requests API writes what the requester and the CCs read; an internal note is an agent's, on PUT /tickets/{id}
    private static void checkPublic(JsonBody request) {
        JsonNode comment = request.raw("comment");
        JsonNode isPublic = comment == null || !comment.isObject() ? null : comment.get("public");
        if (isPublic != null && isPublic.isBoolean() && !isPublic.booleanValue()) {
            request.problemWith("comment.public", "invalid_value", "must be true: a request's comments are public;"
                    + " agents write internal notes with PUT /api/v2/tickets/{id}");
        }
    }

    /**
     * ENT-1: {@code requester} (Zendesk's {@code {"email"}}, or {@code requester_id}) names whom the request is for. On the Open
     * Partner form it fills Organization Email (partners), as a partner's POST /tickets does; elsewhere it is the requester,
     * which only agents may name (Tickets.create says so).
     */
    private void onBehalfOf(Actor actor, JsonBody request, ObjectNode ticket) {
        String email = null;
        Long requesterId = request.id("requester_id");
        if (request.raw("requester") != null) {
            JsonBody requester = request.object("requester");
            String given = requester.text("email", 254);
            email = given == null ? null : EmailAddress.normalized(given).orElse(null);
            if (email == null) {
                requester.problemWith("email", given == null ? "blank" : "invalid_value", "must be the e-mail address of whom the request is for");
                return;
            }
        } else if (requesterId != null) {
            email = users.find(requesterId).map(User::email).orElse(null);
            if (email == null) {
                request.problemWith("requester_id", "not_found", "names no user (" + requesterId + ")");
                return;
            }
        }
        if (email == null || email.equalsIgnoreCase(actor.email())) {
            return;
        }
        long organizationEmail = forms.fieldId(TicketForms.ORGANIZATION_EMAIL);
        Long formId = request.id("ticket_form_id");
        boolean onPartnerForm = formId != null && forms.form(formId).map(f -> f.ticketFieldIds().contains(organizationEmail)).orElse(false);
        if (onPartnerForm) {
            JsonNode fields = ticket.get("custom_fields");
            if (fields != null && !fields.isArray()) {
                return; // the intake's reader refuses it
            }
            ArrayNode list = fields != null ? (ArrayNode) fields : ticket.putArray("custom_fields");
            boolean named = list.valueStream().anyMatch(f -> f.isObject() && JsonBody.isWholeLong(f.path("id")) && f.path("id").longValue() == organizationEmail);
            if (!named) {
                list.addObject().put("id", organizationEmail).put("value", email);
            }
            return;
        }
        String forEmail = email;
        User requester = users.findByEmail(email).orElse(null);
        if (requester == null) {
            request.problemWith("requester", "not_found", "names no user (" + forEmail + ")");
            return;
        }
        ticket.put("requester_id", requester.id());
    }

    /** The root object of one request (API-1). */
    record RequestResponse(RequestJson request) {
    }

    /**
     * One page of requests: a cursor page ({@code meta}, {@code links}, {@code next_page}) or, asked with {@code ?page=},
     * Zendesk's offset page ({@code next_page}, {@code previous_page}, {@code count}).
     */
    record RequestPage(List<RequestJson> requests, @JsonInclude(JsonInclude.Include.NON_NULL) CursorPage.@Nullable Meta meta,
                       @JsonInclude(JsonInclude.Include.NON_NULL) CursorPage.@Nullable Links links, @Nullable String nextPage,
                       @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String previousPage,
                       @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Long count) {
    }

    record RequestCommentResponse(TicketCommentJson comment) {
    }

    /** One cursor page of a request's public comments, oldest first. */
    record RequestCommentPage(List<TicketCommentJson> comments, CursorPage.Meta meta, CursorPage.Links links, @Nullable String nextPage) {
    }
}
