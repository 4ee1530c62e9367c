package org.partnerdesk.partnerops.ui;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.partnerdesk.api.ApiException;
import org.partnerdesk.partnerops.access.RateLimited;
import org.springframework.http.HttpHeaders;
import org.springframework.ui.Model;

/**
 * UI-1: a refusal shown on the form that caused it: each field's problem next to the field, named by the field's label
 * (the API's words after it), the rest above the form; the page answers with the API's status (and its Retry-After).
 */
final class FormErrors {

    /** The error code of a problem the page words itself, shown as it is, without the field's label before it. */
    static final String SENTENCE = "sentence";

    private final Map<String, String> labels;
    private final Map<String, String> blanks;

    /** {@code labels}: the API's field name to the form's label; {@code blanks}: a field's own words when it was left out. */
    FormErrors(Map<String, String> labels, Map<String, String> blanks) {
        this.labels = labels;
        this.blanks = blanks;
    }

    /** Puts {@code errors} (field -> words) and {@code error} (the rest) in the model and sets the status. */
    void show(ApiException refused, Model model, HttpServletResponse response) {
        response.setStatus(refused.status());
        if (refused instanceof RateLimited limited) {
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(limited.retryAfterSeconds()));
        }
        Map<String, String> errors = new LinkedHashMap<>();
        refused.details().forEach((field, problems) -> {
            String shown = labels.containsKey(field) ? field : labels.keySet().stream().filter(field::startsWith).findFirst().orElse(null);
            if (shown != null && !problems.isEmpty() && !errors.containsKey(shown)) {
                errors.put(shown, words(shown, problems));
            }
        });
        model.addAttribute("errors", errors);
        boolean allShown = !refused.details().isEmpty() && refused.details().keySet().stream().allMatch(f -> errors.containsKey(f)
                || labels.keySet().stream().anyMatch(f::startsWith));
        model.addAttribute("error", allShown ? "Please correct the fields marked below." : refused.description());
    }

    /** No problem yet: an empty form. */
    static void none(Model model) {
        model.addAttribute("errors", Map.of());
        model.addAttribute("error", null);
    }

    private String words(String field, List<ApiException.FieldError> problems) {
        ApiException.FieldError first = problems.getFirst();
        @Nullable String blank = blanks.get(field);
        if (blank != null && "blank".equals(first.error())) {
            return blank;
        }
        if (SENTENCE.equals(first.error())) {
            return first.description();
        }
        return labels.get(field) + " " + first.description();
    }
}
