package org.partnerdesk.directory.ui;

import java.util.LinkedHashMap;
import java.util.Map;

import org.partnerdesk.api.ApiException;
import org.partnerdesk.directory.DirectoryRule;
import org.partnerdesk.directory.DirectoryRuleViolation;

/**
 * UI-1 (#16): a refusal of the directory's facades said next to the form field it concerns, in sentences: the rule a
 * {@link DirectoryRuleViolation} names, what it keeps apart, then the facade's own account of this case.
 */
final class RefusalInWords {

    private RefusalInWords() {
    }

    /**
     * The refusal's words by form field; {@code fields} maps the facade's field names (API names such as
     * {@code organization_id}) to the form's, and anything else lands on {@code fallback}. A refusal that concerns no
     * field of this form (a 404, or "only administrators") is not the form's to show: it is thrown again.
     */
    static Map<String, String> byField(ApiException refused, Map<String, String> fields, String fallback) {
        boolean isRule = refused instanceof DirectoryRuleViolation;
        if (!isRule && (refused.status() != 422 || refused.details().isEmpty())) {
            throw refused;
        }
        Map<String, String> words = new LinkedHashMap<>();
        refused.details().forEach((field, errors) -> {
            String formField = fields.getOrDefault(field, fallback);
            String said = String.join(" ", errors.stream().map(error -> sentence(refused, field, error)).toList());
            words.merge(formField, said, (a, b) -> a + " " + b);
        });
        return words;
    }

    private static String sentence(ApiException refused, String field, ApiException.FieldError error) {
        if (refused instanceof DirectoryRuleViolation violation) {
            return ruleInWords(violation.rule()) + " " + error.description() + period(error.description());
        }
        String said = error.description().contains(" ") && Character.isUpperCase(error.description().charAt(0))
                ? error.description() : label(field) + " " + error.description();
        return said + period(said) + (error.error().matches("[A-Z]+-\\d+") && !said.contains(error.error()) ? " (" + error.error() + ")" : "");
    }

    /** What each directory rule keeps, in one sentence with its id, for the person who just ran into it. */
    static String ruleInWords(DirectoryRule rule) {
        return switch (rule) {
            case DIR_1 -> "An e-mail domain belongs to one organization (DIR-1).";
            case DIR_2 -> "A user belongs to one organization at a time (DIR-2).";
            case DIR_3 -> "Customers and partners are never put in each other's organizations (DIR-3).";
            case DIR_4 -> "Alliance partners' organizations are locked: only Support Managers change their members (DIR-4).";
            case DIR_5 -> "Subscriptions belong to customer and partner organizations (DIR-5).";
            case DIR_6 -> "NFR licenses belong to partner organizations only (DIR-6).";
            case DIR_8 -> "Only agents and admins belong to groups (DIR-8).";
        };
    }

    private static String label(String field) {
        String last = field.substring(field.lastIndexOf('.') + 1).replace('_', ' ');
        return capitalized(last.equals("domain names") ? "e-mail domains" : last);
    }

    private static String capitalized(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static String period(String text) {
        return text.endsWith(".") ? "" : ".";
    }
}
