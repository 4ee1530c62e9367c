package org.partnerdesk.ticket.web;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.partnerdesk.api.Actor;
import org.partnerdesk.api.ApiException;
import org.partnerdesk.api.EmailAddress;
import org.partnerdesk.api.JsonBody;
import org.partnerdesk.api.CursorPage;
import org.partnerdesk.api.PageRequest;
import org.partnerdesk.ticket.Comment;
import org.partnerdesk.ticket.CommentUploads;
import org.partnerdesk.ticket.Ticket;
import org.partnerdesk.ticket.TicketChange;
import org.partnerdesk.ticket.TicketField;
import org.partnerdesk.ticket.TicketForms;
import org.partnerdesk.ticket.TicketPriority;
import org.partnerdesk.ticket.TicketStatus;
import org.partnerdesk.ticket.TicketType;
import org.partnerdesk.ticket.Tickets;
import org.partnerdesk.ticket.NewTicket;
import org.partnerdesk.sla.PolicyMetric;
import org.partnerdesk.sla.Slas;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** {@code /api/v2/tickets} (SPEC 7): intake with the entitlement decision, changes (ENT-8), reading. */
@RestController
@RequestMapping("/api/v2/tickets")
class TicketController {

    private static final Set<String> PRIORITIES = Set.copyOf(TicketPriority.codes());
    private static final Set<String> TYPES = Set.copyOf(TicketType.codes());
    private static final Set<String> STATUSES = Set.copyOf(TicketStatus.codes());
    private static final int MAX_BODY = 65_536;

    private final Tickets tickets;
    private final TicketForms forms;
    private final TicketJson.Shape shape;
    private final Slas slas;
    private final CommentUploads uploads;

    TicketController(Tickets tickets, TicketForms forms, Slas slas, CommentUploads uploads) {
        this.tickets = tickets;
        this.uploads = uploads;
        this.slas = slas;
        this.forms = forms;
        this.shape = new TicketJson.Shape(forms);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    TicketResponse create(Actor actor, @RequestBody JsonNode body) {
        Ticket created = tickets.create(actor, newTicket(body));
        return new TicketResponse(shape.of(created, actor));
    }

    /** Issue #15: the create body's decision and trace, refused as create refuses it, with nothing stored (SPEC 2 dry run). */
    @PostMapping("/preview")
    PreviewResponse preview(Actor actor, @RequestBody JsonNode body) {
        return new PreviewResponse(PreviewJson.of(tickets.preview(actor, newTicket(body))));
    }

    // the create body (SPEC 7), read once for intake, its preview and POST /requests (issue #17)
    NewTicket newTicket(JsonNode body) {
        JsonBody ticket = JsonBody.root(body, "ticket");
        JsonBody comment = ticket.object("comment");
        String text = comment.has("body") ? comment.requiredText("body", MAX_BODY) : ticket.requiredText("description", MAX_BODY);
        String subject = ticket.text("subject", 500);
        Long formId = ticket.id("ticket_form_id");
        TicketPriority priority = TicketPriority.ofNullable(ticket.oneOf("priority", PRIORITIES));
        TicketType type = TicketType.ofNullable(ticket.oneOf("type", TYPES));
        // #17 item 9: an unknown status is refused as on update, never stored silently as new
        ticket.oneOf("status", STATUSES);
        Map<Long, Object> fields = customFields(ticket);
        List<String> ccEmails = new ArrayList<>();
        List<Long> ccIds = new ArrayList<>();
        collaborators(ticket, ccEmails, ccIds);
        List<String> tags = ticket.texts("tags", 80, 50);
        Long requesterId = ticket.id("requester_id");
        List<String> uploadTokens = comment.texts("uploads", 100, 50);
        Boolean isPublic = comment.bool("public");
        String ccReason = ticket.text("cc_reason", 1000);
        ticket.throwIfInvalid();
        // TKT-1: an internal note never becomes the subject the requester reads
        String finalSubject = subject != null && !subject.isBlank() ? subject : isPublic == null || isPublic ? firstLine(text) : firstLine(null);
        long form = formId != null ? formId : forms.formNamed("Support").id();
        return NewTicket.opening(finalSubject, text, form).withPublicComment(isPublic == null || isPublic)
                .withPriority(priority).withType(type).withFields(fields).copying(ccEmails, ccIds).tagged(tags == null ? List.of() : tags)
                .forRequester(requesterId).attaching(uploadTokens == null ? List.of() : uploadTokens).because(ccReason);
    }

    @PutMapping("/{id}")
    TicketResponse update(Actor actor, @PathVariable long id, @RequestBody JsonNode body) {
        return new TicketResponse(shape.of(tickets.update(actor, id, changeOf(JsonBody.root(body, "ticket"))), actor));
    }

    // the PUT body (SPEC 7), read for one ticket and for each record of update_many (#17 item 3)
    TicketChange changeOf(JsonBody ticket) {
        TicketChange.Comment comment = null;
        if (ticket.has("comment")) {
            JsonBody c = ticket.object("comment");
            String text = c.requiredText("body", MAX_BODY);
            Boolean isPublic = c.bool("public");
            List<String> uploadTokens = c.texts("uploads", 100, 50);
            comment = text == null ? null : new TicketChange.Comment(text, isPublic == null || isPublic,
                    uploadTokens == null ? List.of() : uploadTokens);
        }
        String subject = ticket.has("subject") ? ticket.requiredText("subject", 500) : null;
        TicketChange change = TicketChange.fields().settingSubject(subject)
                .settingStatus(TicketStatus.ofNullable(ticket.oneOf("status", STATUSES)))
                .settingPriority(TicketPriority.ofNullable(ticket.oneOf("priority", PRIORITIES)))
                .settingType(TicketType.ofNullable(ticket.oneOf("type", TYPES)))
                .settingRequester(ticket.id("requester_id")).assigningTo(ticket.id("assignee_id")).settingGroup(ticket.id("group_id"))
                .settingTags(ticket.texts("tags", 80, 50)).settingFields(customFields(ticket)).withComment(comment)
                .changingCcs(CcRequests.changes(ticket)).replacingCcs(CcRequests.wholeList(ticket)).because(ticket.text("cc_reason", 1000))
                .expecting(safeUpdateStamp(ticket));
        ticket.throwIfInvalid();
        return change;
    }

    @GetMapping("/{id}")
    ShownTicketResponse show(Actor actor, @PathVariable long id,
                             @RequestParam(name = "include", required = false) @Nullable String include) {
        TicketJson ticket = shape.of(tickets.find(actor, id), actor);
        // SPEC 7, TKT-4: due times are for agents
        boolean withSlas = include != null && Arrays.asList(include.split(",")).contains("slas") && actor.isStaff();
        return new ShownTicketResponse(new ShownTicket(ticket, withSlas ? new SlasJson(slas.metrics(id)) : null));
    }

    @GetMapping
    TicketPage list(Actor actor, HttpServletRequest request) {
        return tickets.page(actor, PageRequest.from(request)).body(t -> shape.of(t, actor), request, TicketPage::new);
    }

    @GetMapping("/show_many")
    TicketList showMany(Actor actor, @RequestParam("ids") String ids) {
        List<Long> wanted = new ArrayList<>();
        for (String part : ids.split(",")) {
            try {
                wanted.add(Long.parseLong(part.strip()));
            } catch (NumberFormatException e) {
                throw ApiException.badRequest("InvalidParameter", "ids must be a comma-separated list of ticket ids");
            }
        }
        if (wanted.size() > 100) {
            throw ApiException.badRequest("InvalidParameter", "show_many takes at most 100 ids");
        }
        return new TicketList(tickets.findMany(actor, wanted).stream().map(t -> shape.of(t, actor)).toList());
    }

    @GetMapping("/{id}/comments")
    CommentPage comments(Actor actor, @PathVariable long id, HttpServletRequest request) {
        CursorPage<Comment> page = tickets.comments(actor, id, PageRequest.from(request));
        Map<Long, List<CommentUploads.CommentAttachment>> files = uploads.attachmentsOf(page.items().stream().map(Comment::id).toList());
        return page.body(c -> TicketCommentJson.of(c, files.getOrDefault(c.id(), List.of())), request, CommentPage::new);
    }

    @GetMapping("/{id}/audits")
    AuditPage audits(Actor actor, @PathVariable long id, HttpServletRequest request) {
        return tickets.audits(actor, id, PageRequest.from(request)).body(audit -> TicketAuditJson.of(audit, forms), request,
                AuditPage::new);
    }

    @GetMapping("/{id}/entitlement")
    EntitlementResponse entitlement(Actor actor, @PathVariable long id) {
        return new EntitlementResponse(EntitlementJson.of(tickets.entitlement(actor, id)));
    }

    /**
     * Zendesk's {@code safe_update: true} with {@code updated_stamp} (the {@code updated_at} the client read): a ticket
     * changed since then answers 409 and keeps the other change (UI-1 collision). Without {@code safe_update} the stamp is ignored.
     */
    private static @Nullable Instant safeUpdateStamp(JsonBody ticket) {
        Boolean safe = ticket.bool("safe_update");
        String stamp = ticket.text("updated_stamp", 40);
        if (!Boolean.TRUE.equals(safe)) {
            return null;
        }
        if (stamp == null || stamp.isBlank()) {
            ticket.problemWith("updated_stamp", "blank", "is required with safe_update: send the ticket's updated_at as you read it");
            return null;
        }
        try {
            return OffsetDateTime.parse(stamp.strip()).toInstant();
        } catch (DateTimeParseException e) {
            ticket.problemWith("updated_stamp", "invalid_value", "must be a time like 2026-11-24T20:02:38Z (the ticket's updated_at)");
            return null;
        }
    }

    /** {@code custom_fields} (or Zendesk's alias {@code fields}): [{id, value}], each value checked against its field. */
    private Map<Long, Object> customFields(JsonBody ticket) {
        Map<Long, Object> values = new LinkedHashMap<>();
        List<JsonBody> given = new ArrayList<>(ticket.objects("custom_fields", 100));
        given.addAll(ticket.objects("fields", 100));
        for (JsonBody field : given) {
            Long id = field.requiredId("id");
            if (id == null) {
                continue;
            }
            TicketField definition = forms.field(id).filter(f -> !f.system()).orElse(null);
            if (definition == null) {
                field.problemWith("id", "not_found", "names no custom ticket field (" + id + ")");
                continue;
            }
            JsonNode value = field.raw("value");
            if (value == null) {
                values.put(id, null);
                continue;
            }
            Object read = switch (definition.type()) {
                case "checkbox" -> value.isBoolean() ? value.booleanValue() : problem(field, "must be true or false");
                case "tagger" -> value.isString() && (allowsAnyValue(definition) || definition.allows(value.stringValue()))
                        ? value.stringValue() : problem(field, "must be one of the field's option values");
                default -> value.isString() || value.isNumber()
                        ? field.text("value", 10_000) : problem(field, "must be text");
            };
            values.put(id, read);
        }
        return values;
    }

    // an unknown engagement is a question for the submitter (ENT-9), not a refusal
    private static boolean allowsAnyValue(TicketField field) {
        return field.title().equals(TicketForms.PARTNER_ENGAGEMENT);
    }

    private static @Nullable Object problem(JsonBody field, String description) {
        field.problemWith("value", "invalid_value", description);
        return null;
    }

    /** {@code email_ccs:[{user_email|user_id}]}, {@code collaborators:[id|email|{email}]}, {@code collaborator_ids:[id]}. */
    private static void collaborators(JsonBody ticket, List<String> emails, List<Long> ids) {
        for (JsonBody cc : ticket.objects("email_ccs", 48)) {
            String email = cc.text("user_email", 254);
            Long id = cc.id("user_id");
            if (email != null) {
                addEmail(cc, "user_email", email, emails);
            } else if (id != null) {
                ids.add(id);
            }
        }
        JsonNode collaborators = ticket.raw("collaborators");
        if (collaborators != null && collaborators.isArray()) {
            for (JsonNode item : collaborators.values()) {
                if (JsonBody.isWholeLong(item)) {
                    ids.add(item.longValue());
                } else if (item.isString()) {
                    addEmail(ticket, "collaborators", item.stringValue(), emails);
                } else if (item.isObject() && item.get("email") != null && item.get("email").isString()) {
                    addEmail(ticket, "collaborators", item.get("email").stringValue(), emails);
                } else {
                    ticket.problemWith("collaborators", "invalid_value", "must hold user ids, e-mails or {\"email\"} objects");
                }
            }
        }
        JsonNode collaboratorIds = ticket.raw("collaborator_ids");
        if (collaboratorIds != null && collaboratorIds.isArray()) {
            collaboratorIds.values().forEach(id -> {
                if (JsonBody.isWholeLong(id)) {
                    ids.add(id.longValue());
                }
            });
        }
    }

    private static void addEmail(JsonBody where, String field, String email, List<String> emails) {
        EmailAddress.normalized(email).ifPresentOrElse(emails::add,
                () -> where.problemWith(field, "invalid_value", email.strip() + " is not an e-mail address"));
    }

    private static String firstLine(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return "(no subject)";
        }
        String line = Arrays.stream(text.strip().split("\\R")).findFirst().orElse(text).strip();
        return line.length() > 80 ? line.substring(0, 80) : line;
    }

    /** The root object of one ticket (API-1). */
    record TicketResponse(TicketJson ticket) {
    }

    /** One ticket as shown, with its SLA clocks when an agent asks {@code include=slas} (SPEC 7, TKT-4). */
    record ShownTicket(@JsonUnwrapped TicketJson ticket, @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable SlasJson slas) {
    }

    record ShownTicketResponse(ShownTicket ticket) {
    }

    /** Zendesk's {@code slas} side-load: the ticket's reply clocks, oldest first. */
    record SlasJson(List<PolicyMetric> policyMetrics) {
    }

    /** One cursor page of tickets (API-1). */
    record TicketPage(List<TicketJson> tickets, CursorPage.Meta meta, CursorPage.Links links, @Nullable String nextPage) {
    }

    /** The tickets {@code show_many} found among those the caller may see. */
    record TicketList(List<TicketJson> tickets) {
    }

    /** One cursor page of a ticket's comments, oldest first. */
    record CommentPage(List<TicketCommentJson> comments, CursorPage.Meta meta, CursorPage.Links links, @Nullable String nextPage) {
    }

    /** One cursor page of a ticket's audits, oldest first. */
    record AuditPage(List<TicketAuditJson> audits, CursorPage.Meta meta, CursorPage.Links links, @Nullable String nextPage) {
    }

    /** The root object of a decision preview (issue #15). */
    record PreviewResponse(PreviewJson preview) {
    }

    /** The root object of a ticket's entitlement decision (SPEC 7). */
    record EntitlementResponse(EntitlementJson entitlement) {
    }
}
