package org.partnerdesk.ticket.ui;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.partnerdesk.api.Actor;
import org.partnerdesk.api.ApiException;
import org.partnerdesk.console.ConsolePage;
import org.partnerdesk.directory.Organization;
import org.partnerdesk.directory.Organizations;
import org.partnerdesk.ticket.CommentFiles;
import org.partnerdesk.ticket.Ticket;
import org.partnerdesk.ticket.TicketField;
import org.partnerdesk.ticket.TicketForm;
import org.partnerdesk.ticket.TicketForms;
import org.partnerdesk.ticket.TicketPriority;
import org.partnerdesk.ticket.Tickets;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Issue #15, UI-1 portal "New request": the forms open to the person, the chosen form's fields, and the decision preview
 * (a dry run of intake's policy through {@link Tickets#preview}, nothing stored) updated as they type; "Submit request"
 * files it through {@link Tickets#create}, as the API does, so the page refuses what the API refuses.
 */
@ConsolePage
class NewRequestPage {

    private final Tickets tickets;
    private final TicketForms forms;
    private final Organizations organizations;
    private final Optional<CommentFiles> files; // the attachment module's; absent in a ticket-only module test
    private final String maxAttachment;

    NewRequestPage(Tickets tickets, TicketForms forms, Organizations organizations, Optional<CommentFiles> files,
                   @Value("${partnerdesk.attachments.max-size}") DataSize maxAttachment) {
        this.tickets = tickets;
        this.forms = forms;
        this.organizations = organizations;
        this.files = files;
        this.maxAttachment = maxAttachment.toBytes() % DataSize.ofMegabytes(1).toBytes() == 0
                ? maxAttachment.toMegabytes() + " MB" : maxAttachment.toBytes() + " bytes";
    }

    /** The empty form, or the one a form switch asks for with what was typed so far ({@code ?form=}). */
    @GetMapping("/portal/requests/new")
    String form(Actor actor, @RequestParam MultiValueMap<String, String> params, Model model) {
        RequestForm request = RequestForm.of(params, openForms(actor));
        return show(actor, request, null, Map.of(), model);
    }

    /** The decision preview: the region's content for htmx, the whole page with it without JavaScript. */
    @PostMapping("/portal/requests/preview")
    String preview(Actor actor, @RequestParam MultiValueMap<String, String> params,
                   @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx, Model model) {
        RequestForm request = RequestForm.of(params, openForms(actor));
        PreviewInWords.Preview preview = preview(actor, request);
        if (htmx != null) {
            model.addAttribute("preview", preview);
            return "ticket/new-request :: preview";
        }
        return show(actor, request, preview, request.problems(forms, false), model);
    }

    /** Files the request through intake (SPEC 7) with its attachments (FILE-1), then opens its page with a flash. */
    @PostMapping("/portal/requests/new")
    String submit(Actor actor, @RequestParam MultiValueMap<String, String> params,
                  @RequestParam(name = "files", required = false) @Nullable List<MultipartFile> sent, Model model,
                  HttpServletResponse response, RedirectAttributes redirect) {
        RequestForm request = RequestForm.of(params, openForms(actor));
        Map<String, String> errors = new LinkedHashMap<>(request.problems(forms, true));
        if (!Long.toString(request.form().id()).equals(params.getFirst("form"))) {
            errors.put("form", "Choose one of the forms listed.");
        }
        if (!errors.isEmpty()) {
            return refused(actor, request, errors, model, response, 422);
        }
        try {
            SentFiles stored = SentFiles.store(files, actor, request.uploads(), request.uploadNames(), sent);
            request = request.keeping(stored.tokens(), stored.names());
            Ticket filed = tickets.create(actor, request.newTicket(forms));
            redirect.addFlashAttribute("flash", "Request #" + filed.id() + " submitted: we reply here and by e-mail.");
            return "redirect:/portal/requests/" + filed.id();
        } catch (ApiException e) {
            if (e.status() == 401 || e.status() == 403 || e.status() == 404) {
                throw e;
            }
            return refused(actor, request, fieldErrors(e), model, response, e.status());
        }
    }

    private String refused(Actor actor, RequestForm request, Map<String, String> errors, Model model, HttpServletResponse response,
                           int status) {
        response.setStatus(status);
        return show(actor, request, preview(actor, request), errors, model);
    }

    // the same dry run as POST /api/v2/tickets/preview; a refusal is said in the region instead of a decision
    private PreviewInWords.Preview preview(Actor actor, RequestForm request) {
        try {
            return PreviewInWords.of(tickets.preview(actor, request.newTicket(forms)), organizationEmail(request));
        } catch (ApiException e) {
            if (e.status() == 401 || e.status() == 403) {
                throw e;
            }
            return PreviewInWords.Preview.refused("This request cannot be filed as it is: " + String.join(" ", fieldErrors(e).values()));
        }
    }

    private String show(Actor actor, RequestForm request, PreviewInWords.@Nullable Preview preview, Map<String, String> errors, Model model) {
        model.addAttribute("forms", openForms(actor));
        model.addAttribute("draft", request);
        model.addAttribute("fields", request.customFields(forms).stream().map(f -> FieldInput.of(f, request.value(f))).toList());
        model.addAttribute("priorities", TicketPriority.codes().reversed());
        model.addAttribute("preview", preview);
        model.addAttribute("errors", errors);
        model.addAttribute("maxAttachment", maxAttachment);
        return "ticket/new-request";
    }

    private List<TicketForm> openForms(Actor actor) {
        Organization own = actor.organizationId() == null ? null : organizations.find(actor.organizationId()).orElse(null);
        List<TicketForm> open = forms.openTo(actor, own);
        if (open.isEmpty()) {
            throw ApiException.forbidden("No ticket form is open to you; ask your organization's administrator.");
        }
        return open;
    }

    private String organizationEmail(RequestForm request) {
        long id = forms.fieldId(TicketForms.ORGANIZATION_EMAIL);
        return request.form().ticketFieldIds().contains(id) ? request.fields().getOrDefault(id, "") : "";
    }

    /** A refusal's words next to the field it is about; what no field holds goes above the form. */
    private Map<String, String> fieldErrors(ApiException e) {
        Map<String, String> byField = new LinkedHashMap<>();
        if (e.status() == 413) {
            byField.put("files", e.description()); // FILE-1: the refusal names the limit and points to the Support Uploader
            return byField;
        }
        e.details().forEach((field, problems) -> byField.merge(inputName(field), sentences(problems), (a, b) -> a + " " + b));
        if (byField.isEmpty()) {
            byField.put("base", e.description());
        }
        return byField;
    }

    private static String inputName(String apiField) {
        return switch (apiField) {
            case "subject" -> "subject";
            case "comment", "comment.body", "description" -> "description";
            case "priority" -> "priority";
            case "ticket_form_id" -> "form";
            case "uploads", "file", "token" -> "files";
            case "email_ccs", "collaborators", "collaborator_ids", "cc_reason" -> "ccs";
            default -> "base";
        };
    }

    private static String sentences(List<ApiException.FieldError> problems) {
        return problems.stream().map(p -> {
            String text = Character.toUpperCase(p.description().charAt(0)) + p.description().substring(1);
            return p.error().matches("[A-Z]+-\\d+") && !text.contains("(" + p.error() + ")") ? text + " (" + p.error() + ")." : text
                    + (text.endsWith(".") ? "" : ".");
        }).collect(Collectors.joining(" "));
    }

    /** One of the form's own fields as the template draws it. */
    record FieldInput(long id, String name, String type, String label, String hint, List<TicketField.Option> options, String value) {
        static FieldInput of(TicketField field, String value) {
            return new FieldInput(field.id(), "field-" + field.id(), field.type(), field.title(), field.description(), field.options(), value);
        }

        public boolean isChecked() {
            return "true".equals(value);
        }
    }
}
