package org.partnerdesk.partnerops.ui;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.partnerdesk.api.ApiException;

/** PO-4: what a channel manager typed on "Ask for an NFR exception", kept as typed, with the problems per field. */
record ExceptionForm(String request, String users, String justification) {

    static final int MAX_USERS = 10_000;
    static final int MAX_JUSTIFICATION = 4_000;

    static ExceptionForm of(@Nullable String request, @Nullable String users, @Nullable String justification) {
        return new ExceptionForm(orEmpty(request), orEmpty(users), orEmpty(justification));
    }

    /** The same checks as the API's body (NfrExceptionController), in words next to each field. */
    Map<String, String> problems() {
        Map<String, String> problems = new LinkedHashMap<>();
        if (requestId() == null) {
            problems.put("request", "Choose the partner's standard NFR request the exception applies to.");
        }
        Integer count = userCount();
        if (count == null || count < 1 || count > MAX_USERS) {
            problems.put("users", "Give the number of NFR users, from 1 to " + MAX_USERS + ".");
        }
        if (justification.isBlank()) {
            problems.put("justification", "Write the business justification: the directors decide on it (PO-4).");
        } else if (justification.strip().length() > MAX_JUSTIFICATION) {
            problems.put("justification", "Keep the business justification under " + MAX_JUSTIFICATION + " characters.");
        }
        return problems;
    }

    /** A refusal of the facade, its field's words put next to the field it names. */
    static Map<String, String> problemsOf(ApiException refused) {
        Map<String, String> problems = new LinkedHashMap<>();
        refused.details().forEach((field, errors) -> {
            String where = switch (field) {
                case "nfr_request_id" -> "request";
                case "users" -> "users";
                case "business_justification" -> "justification";
                default -> "form";
            };
            problems.merge(where, String.join(" ", errors.stream().map(e -> e.description() + " (" + e.error() + ")").toList()),
                    (a, b) -> a + " " + b);
        });
        if (problems.isEmpty()) {
            problems.put("form", refused.description());
        }
        return problems;
    }

    @Nullable Long requestId() {
        try {
            return request.isBlank() ? null : Long.valueOf(request.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    @Nullable Integer userCount() {
        try {
            return users.isBlank() ? null : Integer.valueOf(users.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String orEmpty(@Nullable String value) {
        return value == null ? "" : value;
    }
}
