package org.partnerdesk.ticket.ui;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.partnerdesk.api.EmailAddress;
import org.partnerdesk.ticket.NewTicket;
import org.partnerdesk.ticket.TicketField;
import org.partnerdesk.ticket.TicketForm;
import org.partnerdesk.ticket.TicketForms;
import org.partnerdesk.ticket.TicketPriority;
import org.springframework.util.MultiValueMap;

/**
 * Issue #15 "New request" as the person filled it in: the form, subject, description, priority, the form's own fields
 * (by field id, as typed), the CCs, and files already uploaded for it. Kept whole when the request is refused, so nothing
 * typed is lost; {@link #problems} says what is wrong next to each field, as the API's 4xx would.
 */
record RequestForm(TicketForm form, String subject, String description, String priority, Map<Long, String> fields, String ccs,
                   List<String> uploads, List<String> uploadNames) {

    static final int MAX_BODY = 65_536;
    static final int MAX_SUBJECT = 500;
    static final int MAX_FIELD = 10_000;

    RequestForm {
        fields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        uploads = List.copyOf(uploads);
        uploadNames = List.copyOf(uploadNames);
    }

    /** What was sent, on the form asked for when it is among {@code open}, else on the first of them. */
    static RequestForm of(MultiValueMap<String, String> params, List<TicketForm> open) {
        String asked = value(params, "form");
        TicketForm form = open.stream().filter(f -> Long.toString(f.id()).equals(asked)).findFirst().orElse(open.getFirst());
        Map<Long, String> fields = new LinkedHashMap<>();
        params.forEach((name, values) -> {
            if (name.startsWith("field-") && name.substring(6).chars().allMatch(Character::isDigit) && name.length() > 6
                    && name.length() < 26 && !values.isEmpty()) {
                fields.put(Long.parseLong(name.substring(6)), values.getLast());
            }
        });
        return new RequestForm(form, value(params, "subject"), value(params, "description"), value(params, "priority"), fields,
                value(params, "ccs"), nonBlank(params.get("uploads")), nonBlank(params.get("uploadNames")));
    }

    /** The form's own fields, in the form's order: what the page shows and sends. */
    List<TicketField> customFields(TicketForms forms) {
        return form.ticketFieldIds().stream().map(forms::field).flatMap(java.util.Optional::stream)
                .filter(f -> f.active() && !f.system()).toList();
    }

    public boolean hasPriority() {
        return form.ticketFieldIds().contains(4L);
    }

    String value(TicketField field) {
        return fields.getOrDefault(field.id(), "");
    }

    /** Each problem by input name ({@code subject}, {@code field-360012194200}, {@code ccs}); {@code forSubmit} false leaves blanks alone. */
    Map<String, String> problems(TicketForms forms, boolean forSubmit) {
        Map<String, String> problems = new LinkedHashMap<>();
        if (forSubmit && subject.isBlank()) {
            problems.put("subject", "Give the request a subject.");
        } else if (subject.length() > MAX_SUBJECT) {
            problems.put("subject", "The subject is longer than " + MAX_SUBJECT + " characters.");
        }
        if (forSubmit && description.isBlank()) {
            problems.put("description", "Describe what happened and what you expected.");
        } else if (description.length() > MAX_BODY) {
            problems.put("description", "The description is longer than " + MAX_BODY + " characters.");
        }
        if (!priority.isBlank() && !TicketPriority.codes().contains(priority)) {
            problems.put("priority", "Choose one of the priorities listed.");
        }
        for (TicketField field : customFields(forms)) {
            String typed = value(field).strip();
            String name = "field-" + field.id();
            if (typed.isEmpty()) {
                continue;
            }
            if (field.type().equals("tagger") && !field.allows(typed)) {
                problems.put(name, "Choose one of the options listed.");
            } else if (typed.length() > MAX_FIELD) {
                problems.put(name, "This is longer than " + MAX_FIELD + " characters.");
            } else if (field.title().equals(TicketForms.ORGANIZATION_EMAIL) && !EmailAddress.isValid(typed)) {
                problems.put(name, typed + " is not an e-mail address: give the customer contact's, like ann@acme.test.");
            }
        }
        List<String> invalid = ccList().stream().filter(email -> !EmailAddress.isValid(email)).toList();
        if (!invalid.isEmpty()) {
            problems.put("ccs", String.join(", ", invalid) + (invalid.size() == 1 ? " is not an e-mail address." : " are not e-mail addresses."));
        } else if (ccList().size() > 48) {
            problems.put("ccs", "At most 48 people can be copied.");
        }
        return problems;
    }

    /** The request as intake takes it (SPEC 7), with only this form's fields; what {@link #problems} refuses is left out. */
    NewTicket newTicket(TicketForms forms) {
        Map<Long, Object> values = new LinkedHashMap<>();
        Map<String, String> problems = problems(forms, false);
        for (TicketField field : customFields(forms)) {
            String typed = value(field).strip();
            if (typed.isEmpty() || problems.containsKey("field-" + field.id())) {
                continue;
            }
            values.put(field.id(), field.type().equals("checkbox") ? (Object) Boolean.valueOf(typed.equals("true")) : typed);
        }
        List<String> copied = problems.containsKey("ccs") ? List.of()
                : ccList().stream().map(email -> EmailAddress.normalized(email).orElse(email)).distinct().toList();
        TicketPriority asked = hasPriority() && !problems.containsKey("priority") ? TicketPriority.ofNullable(blankToNull(priority)) : null;
        return NewTicket.opening(subject.strip(), description, form.id()).withPriority(asked).withFields(values)
                .copying(copied, List.of()).attaching(uploads);
    }

    RequestForm keeping(List<String> tokens, List<String> names) {
        return new RequestForm(form, subject, description, priority, fields, ccs, tokens, names);
    }

    private List<String> ccList() {
        List<String> list = new ArrayList<>();
        for (String part : ccs.split("[\\s,;]+")) {
            if (!part.isBlank()) {
                list.add(part.strip());
            }
        }
        return list;
    }

    private static @Nullable String blankToNull(String text) {
        return text.isBlank() ? null : text.strip();
    }

    private static String value(MultiValueMap<String, String> params, String name) {
        String value = params.getFirst(name);
        return value == null ? "" : value;
    }

    private static List<String> nonBlank(@Nullable List<String> values) {
        return values == null ? List.of() : values.stream().filter(v -> !v.isBlank()).toList();
    }
}
