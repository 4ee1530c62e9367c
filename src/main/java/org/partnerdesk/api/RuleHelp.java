package org.partnerdesk.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Links every rule an error names to its explanation on the desk's own rules page ({@code /docs/rules.md#tkt-3}),
 * so a refusal that says {@code TKT-3} tells the caller where to read what TKT-3 asks.
 */
final class RuleHelp {

    static final String PAGE = "/docs/rules.md";
    private static final Pattern RULE_ID = Pattern.compile("\\b(?:DIR|ENT|TKT|NTF|FILE|API|PO|UI)-\\d{1,2}\\b");

    private RuleHelp() {
    }

    /**
     * The refusal's details with a {@code help} link beside each rule id; a refusal that names its rule only in the
     * description (a 403) gets it under {@code base}, as Zendesk files errors that belong to no one field.
     */
    static Map<String, Object> details(ApiException refusal) {
        String page = pageUrl();
        Map<String, Object> details = new LinkedHashMap<>();
        boolean linked = false;
        for (Map.Entry<String, List<ApiException.FieldError>> field : refusal.details().entrySet()) {
            List<Map<String, Object>> errors = new ArrayList<>();
            for (ApiException.FieldError error : field.getValue()) {
                Map<String, Object> shown = new LinkedHashMap<>();
                shown.put("description", error.description());
                shown.put("error", error.error());
                if (error.error() != null && RULE_ID.matcher(error.error()).matches()) {
                    shown.put("help", link(page, error.error()));
                    linked = true;
                }
                errors.add(shown);
            }
            details.put(field.getKey(), errors);
        }
        if (!linked && !details.containsKey("base")) {
            List<Map<String, Object>> named = new ArrayList<>();
            for (String rule : rulesIn(refusal.description())) {
                Map<String, Object> shown = new LinkedHashMap<>();
                shown.put("description", refusal.description());
                shown.put("error", rule);
                shown.put("help", link(page, rule));
                named.add(shown);
            }
            if (!named.isEmpty()) {
                details.put("base", named);
            }
        }
        return details;
    }

    private static Set<String> rulesIn(@Nullable String text) {
        Set<String> rules = new LinkedHashSet<>();
        if (text != null) {
            Matcher found = RULE_ID.matcher(text);
            while (found.find()) {
                rules.add(found.group());
            }
        }
        return rules;
    }

    private static String link(String page, String rule) {
        return page + "#" + rule.toLowerCase(Locale.ROOT);
    }

    // the address the caller used (forwarded headers honoured), like the API's other links; relative outside a request
    private static String pageUrl() {
        if (RequestContextHolder.getRequestAttributes() == null) {
            return PAGE;
        }
        return ServletUriComponentsBuilder.fromCurrentContextPath().path(PAGE).toUriString();
    }
}
