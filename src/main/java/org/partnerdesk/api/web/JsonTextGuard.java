package org.partnerdesk.api.web;

import java.lang.reflect.Type;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.partnerdesk.api.ApiException;
import org.partnerdesk.api.StorableText;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;
import tools.jackson.databind.JsonNode;

/**
 * Every JSON body, once parsed and before any controller reads it: a text value or a field name the desk cannot store
 * (NUL, an unpaired surrogate; see {@link StorableText}) is a 400 naming the fields, whichever endpoint it was sent to.
 * Checked with the body's parsing, like malformed JSON, so no write path has to remember it.
 */
@ControllerAdvice
class JsonTextGuard extends RequestBodyAdviceAdapter {

    private static final int MAX_REPORTED = 10;

    /** A node to look at, its name in {@code details}, and how deep it sits (0: the body, 1: the root object). */
    private record Visit(JsonNode node, String path, int depth) {

        /** {@code {"ticket":{"subject":…}}} names "subject", as the ticket's own validation errors do. */
        String child(String name) {
            return depth <= 1 || path.isEmpty() ? name : path + "." + name;
        }
    }

    @Override
    public boolean supports(MethodParameter parameter, Type targetType, Class<? extends HttpMessageConverter<?>> converterType) {
        return targetType instanceof Class<?> type && JsonNode.class.isAssignableFrom(type);
    }

    @Override
    public Object afterBodyRead(Object body, HttpInputMessage input, MethodParameter parameter, Type targetType,
                                Class<? extends HttpMessageConverter<?>> converterType) {
        if (isAllStorable((JsonNode) body)) {
            return body; // the common case: no names built, nothing allocated per field on the intake path
        }
        List<String> unstorable = unstorable((JsonNode) body);
        if (!unstorable.isEmpty()) {
            Map<String, List<ApiException.FieldError>> details = new LinkedHashMap<>();
            unstorable.forEach(field -> details.put(field, List.of(new ApiException.FieldError(StorableText.PROBLEM, "invalid_character"))));
            throw new ApiException(400, "InvalidJson", String.join(", ", unstorable) + " " + StorableText.PROBLEM
                    + "; remove the character and send the request again.", details);
        }
        return body;
    }

    private static boolean isAllStorable(JsonNode body) {
        Deque<JsonNode> toVisit = new ArrayDeque<>();
        toVisit.push(body);
        while (!toVisit.isEmpty()) {
            JsonNode node = toVisit.pop();
            if (node.isString() && !StorableText.isStorable(node.stringValue())) {
                return false;
            }
            if (node.isObject()) {
                for (Map.Entry<String, JsonNode> property : node.properties()) {
                    if (!StorableText.isStorable(property.getKey())) {
                        return false;
                    }
                    toVisit.push(property.getValue());
                }
            } else if (node.isArray()) {
                node.values().forEach(toVisit::push);
            }
        }
        return true;
    }

    /** The fields holding unstorable text, named as {@code details} names fields: relative to the root object. */
    private static List<String> unstorable(JsonNode body) {
        List<String> found = new ArrayList<>();
        Deque<Visit> toVisit = new ArrayDeque<>(); // a loop, not recursion: the parser bounds the nesting, not the stack
        toVisit.push(new Visit(body, "body", 0));
        while (!toVisit.isEmpty() && found.size() < MAX_REPORTED) {
            Visit visit = toVisit.pop();
            JsonNode node = visit.node();
            if (node.isString() && !StorableText.isStorable(node.stringValue())) {
                found.add(visit.path());
            } else if (node.isObject()) {
                for (Map.Entry<String, JsonNode> property : node.properties()) {
                    String path = visit.child(StorableText.cleaned(property.getKey()));
                    if (!StorableText.isStorable(property.getKey())) {
                        found.add(path);
                    }
                    toVisit.push(new Visit(property.getValue(), path, visit.depth() + 1));
                }
            } else if (node.isArray()) {
                for (int i = 0; i < node.size(); i++) {
                    toVisit.push(new Visit(node.get(i), visit.path() + "[" + i + "]", visit.depth() + 1));
                }
            }
        }
        return found;
    }
}
