package org.partnerdesk.directory.ui;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.partnerdesk.api.Actor;
import org.partnerdesk.api.ApiException;
import org.partnerdesk.api.SupportedDates;
import org.partnerdesk.directory.Organization;
import org.partnerdesk.directory.Organizations;

/**
 * UI-1: what is wrong with a directory form, field by field, in words next to the field. The page's own reading (a date, a
 * number) and the facade's refusals (DIR-5, DIR-6), whose API field names map to the form's fields, end up here alike.
 */
final class FormProblems {

    private final Map<String, String> byField = new LinkedHashMap<>();
    private final Map<String, String> labels;

    FormProblems(Map<String, String> labels) {
        this.labels = labels;
    }

    Map<String, String> byField() {
        return byField;
    }

    boolean isEmpty() {
        return byField.isEmpty();
    }

    void add(String field, String problem) {
        byField.putIfAbsent(field, problem);
    }

    /** A required whole number from {@code least} to {@code most}. */
    @Nullable Integer count(String field, String text, int least, int most) {
        try {
            int value = Integer.parseInt(text.strip());
            if (value >= least && value <= most) {
                return value;
            }
        } catch (NumberFormatException e) {
            // falls through to the problem below
        }
        add(field, labels.get(field) + " must be a whole number from " + least + " to " + most + ".");
        return null;
    }

    /** A date as the browser's date field sends it (2026-12-31); empty is null, and a problem when required. */
    @Nullable LocalDate date(String field, String text, boolean required) {
        if (text.isBlank()) {
            if (required) {
                add(field, labels.get(field) + " is required: give a date such as 2026-12-31.");
            }
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(text.strip());
            if (SupportedDates.contains(date)) {
                return date;
            }
            // the API's range: year 0 had been saved from this form, a date the API refuses
            add(field, labels.get(field) + " must be a date " + SupportedDates.RANGE + ".");
        } catch (DateTimeParseException e) {
            add(field, labels.get(field) + " \"" + shown(text) + "\" is not a date; give one such as 2026-12-31.");
        }
        return null;
    }

    /** What the person typed, shown back in a problem; a pasted page of text is cut, not repeated whole. */
    static String shown(String typed) {
        String text = typed.strip();
        return text.length() <= 80 ? text : text.substring(0, 80) + "…";
    }

    /** An organization named by its number or by its exact name (names compare without case). */
    @Nullable Long organization(Actor actor, Organizations organizations, String field, String text, boolean required) {
        String given = text.strip();
        if (given.isEmpty()) {
            if (required) {
                add(field, labels.get(field) + " is required: give the organization's number or its name.");
            }
            return null;
        }
        if (given.matches("\\d{1,18}")) {
            return Long.valueOf(given);
        }
        Optional<Organization> named = organizations.withName(actor, given);
        if (named.isEmpty()) {
            add(field, "No organization is named \"" + shown(given) + "\". Give its number or its exact name.");
            return null;
        }
        return named.get().id();
    }

    /** The facade's refusal, each API field's problem next to the form's field; the rest above the form. */
    void add(ApiException refused, Map<String, String> formFieldOfApiField) {
        if (refused.details().isEmpty()) {
            add("form", refused.description());
            return;
        }
        refused.details().forEach((apiField, problems) -> {
            String field = formFieldOfApiField.getOrDefault(apiField, "form");
            add(field, words(field, problems));
        });
    }

    private String words(String field, List<ApiException.FieldError> problems) {
        ApiException.FieldError first = problems.getFirst();
        if (first.error().startsWith("DIR-")) { // a rule's message is a whole sentence already
            return first.description() + " (" + first.error() + ")";
        }
        return labels.getOrDefault(field, "This") + " " + first.description() + ".";
    }
}
