package org.partnerdesk.ticket.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.partnerdesk.api.Actor;
import org.partnerdesk.ticket.Audit;
import org.partnerdesk.ticket.Comment;
import org.partnerdesk.ticket.CommentUploads;
import org.partnerdesk.ticket.Ticket;
import org.partnerdesk.ticket.TicketForms;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Zendesk's ticket, comment and audit shapes. */
final class TicketJson {

    private TicketJson() {
    }

    /** Writes tickets with every custom field of their form, as Zendesk lists them (null when empty). */
    static final class Shape {
        private final TicketForms forms;

        Shape(TicketForms forms) {
            this.forms = forms;
        }

        /** As {@code reader} may see it: an internal description is for staff (TKT-1). */
        Map<String, Object> of(Ticket t, Actor reader) {
            Set<Long> fieldIds = new LinkedHashSet<>();
            forms.form(t.formId()).ifPresent(form -> form.ticketFieldIds().stream()
                    .filter(id -> forms.field(id).map(f -> !f.system()).orElse(false))
                    .forEach(fieldIds::add));
            fieldIds.addAll(t.customFields().keySet());
            List<Map<String, Object>> customFields = new ArrayList<>();
            for (long id : fieldIds) {
                Map<String, Object> field = new LinkedHashMap<>();
                field.put("id", id);
                field.put("value", t.customFields().get(id));
                customFields.add(field);
            }
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("id", t.id());
            json.put("url", ServletUriComponentsBuilder.fromCurrentContextPath().path("/api/v2/tickets/{id}.json")
                    .buildAndExpand(t.id()).toUriString());
            json.put("external_id", null);
            json.put("subject", t.subject());
            json.put("raw_subject", t.subject());
            json.put("description", t.descriptionFor(reader.isStaff()));
            json.put("status", t.status().code());
            json.put("priority", t.priorityCode());
            json.put("type", t.typeCode());
            json.put("requester_id", t.requesterId());
            json.put("submitter_id", t.submitterId());
            json.put("organization_id", t.organizationId());
            json.put("assignee_id", t.assigneeId());
            json.put("group_id", t.groupId());
            json.put("collaborator_ids", t.collaboratorIds());
            json.put("email_cc_ids", t.collaboratorIds());
            json.put("follower_ids", List.of());
            json.put("tags", t.tags());
            json.put("custom_fields", customFields);
            json.put("fields", customFields);
            json.put("ticket_form_id", t.formId());
            json.put("via", Map.of("channel", "api"));
            json.put("is_public", true);
            json.put("has_incidents", false);
            json.put("created_at", t.createdAt());
            json.put("updated_at", t.updatedAt());
            return json;
        }
    }

    static Map<String, Object> comment(Comment c, List<CommentUploads.CommentAttachment> attachments) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", c.id());
        json.put("type", "Comment");
        json.put("author_id", c.authorId());
        json.put("body", c.body());
        json.put("plain_body", c.body());
        json.put("html_body", "<p>" + escape(c.body()) + "</p>");
        json.put("public", c.isPublic());
        json.put("attachments", attachments.stream().map(TicketJson::attachment).toList());
        json.put("created_at", c.createdAt());
        return json;
    }

    static Map<String, Object> audit(Audit a, TicketForms forms) {
        List<Map<String, Object>> events = new ArrayList<>();
        long eventId = a.id() * 100;
        for (Audit.Event e : a.events()) {
            Map<String, Object> event = new LinkedHashMap<>();
            event.put("id", ++eventId);
            event.put("type", e.type());
            event.put("field_name", e.fieldName());
            // a custom field's event is named by the field's id, as in Zendesk; its title says which field that is
            customFieldTitle(e.fieldName(), forms).ifPresent(title -> event.put("field_title", title));
            event.put("value", e.value());
            if (!"Create".equals(e.type())) {
                event.put("previous_value", e.previousValue());
            }
            event.put("reason", e.reason());
            events.add(event);
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", a.id());
        json.put("ticket_id", a.ticketId());
        json.put("author_id", a.authorId());
        json.put("created_at", a.createdAt());
        json.put("events", events);
        return json;
    }

    /** Zendesk's attachment shape (FILE-1); the attachment module serves both URLs. */
    static Map<String, Object> attachment(CommentUploads.CommentAttachment a) {
        String base = ServletUriComponentsBuilder.fromCurrentContextPath().toUriString();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", a.id());
        json.put("url", base + a.path() + ".json");
        json.put("file_name", a.fileName());
        json.put("content_url", base + a.contentPath());
        json.put("mapped_content_url", base + a.contentPath());
        json.put("content_type", a.contentType());
        json.put("size", a.size());
        json.put("sha256", a.sha256()); // docs/api.md: the same attachment shape as GET /attachments/{id}
        json.put("width", null);
        json.put("height", null);
        json.put("inline", false);
        json.put("deleted", false);
        json.put("thumbnails", List.of());
        return json;
    }

    private static java.util.Optional<String> customFieldTitle(String fieldName, TicketForms forms) {
        if (fieldName.isEmpty() || !fieldName.chars().allMatch(Character::isDigit) || fieldName.length() > 18) {
            return java.util.Optional.empty();
        }
        return forms.field(Long.parseLong(fieldName)).map(org.partnerdesk.ticket.TicketField::title);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\n", "<br>");
    }

}
