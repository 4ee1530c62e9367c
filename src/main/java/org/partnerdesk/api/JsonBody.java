package org.partnerdesk.api;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Reads one object of a request body field by field, collecting every problem so a client learns all
 * of them at once. Types, lengths and enum values are checked here; absent fields stay absent, so a
 * PUT changes only what it names. Unknown fields (read-only ones such as {@code id}) are ignored.
 */
public final class JsonBody {

    private final JsonNode node;
    private final String prefix;
    private final Map<String, List<ApiException.FieldError>> problems;

    private JsonBody(JsonNode node, String prefix, Map<String, List<ApiException.FieldError>> problems) {
        this.node = node;
        this.prefix = prefix;
        this.problems = problems;
    }

    /** The object under {@code root} ({@code {"user":{…}}}); a body without it is a 400. */
    public static JsonBody root(@Nullable JsonNode body, String root) {
        if (body == null || !body.isObject() || body.get(root) == null || !body.get(root).isObject()) {
            throw ApiException.badRequest("InvalidRequest",
                    "The request body must be a JSON object with a \"" + root + "\" object at its root.");
        }
        return new JsonBody(body.get(root), "", new LinkedHashMap<>());
    }

    /** The whole body as one object, for the few Zendesk bodies without a root object ({@code {"tags":[…]}}); else a 400. */
    public static JsonBody whole(@Nullable JsonNode body) {
        if (body == null || !body.isObject()) {
            throw ApiException.badRequest("InvalidRequest", "The request body must be a JSON object.");
        }
        return new JsonBody(body, "", new LinkedHashMap<>());
    }

    public boolean has(String field) {
        return node.get(field) != null;
    }

    public @Nullable String text(String field, int maxLength) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            return problem(field, "invalid_type", "must be a string");
        }
        String text = value.stringValue().strip();
        if (text.length() > maxLength) {
            return problem(field, "too_long", "is too long (maximum is " + maxLength + " characters)");
        }
        return text;
    }

    public @Nullable String requiredText(String field, int maxLength) {
        String text = text(field, maxLength);
        if (text == null || text.isEmpty()) {
            if (!problems.containsKey(prefix + field)) {
                problem(field, "blank", "cannot be blank");
            }
            return null;
        }
        return text;
    }

    /** A required e-mail address, normalized; one that is not an address is a problem with the field. */
    public @Nullable String requiredEmail(String field) {
        String raw = requiredText(field, EmailAddress.MAX_LENGTH);
        String email = raw == null ? null : EmailAddress.normalized(raw).orElse(null);
        if (raw != null && email == null) {
            problem(field, "invalid_value", raw + " is not an e-mail address");
        }
        return email;
    }

    /** A value from a fixed set, such as a Zendesk role or a plan. */
    public @Nullable String oneOf(String field, Set<String> allowed) {
        String text = text(field, 100);
        if (text != null && !allowed.contains(text)) {
            return problem(field, "invalid_value", "must be one of " + String.join(", ", new TreeSet<>(allowed)));
        }
        return text;
    }

    public @Nullable String requiredOneOf(String field, Set<String> allowed) {
        String text = oneOf(field, allowed);
        if (text == null && !problems.containsKey(prefix + field)) {
            problem(field, "blank", "is required: one of " + String.join(", ", new TreeSet<>(allowed)));
        }
        return text;
    }

    public @Nullable Long requiredId(String field) {
        Long id = id(field);
        if (id == null && !problems.containsKey(prefix + field)) {
            problem(field, "blank", "is required");
        }
        return id;
    }

    /** For lists a caller walks itself (CC ids): a whole number that {@code longValue()} can give; 2^63 is none. */
    public static boolean isWholeLong(JsonNode value) {
        return value.isIntegralNumber() && value.canConvertToLong();
    }

    public @Nullable Long id(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!isWholeLong(value) || value.longValue() <= 0) {
            return problem(field, "invalid_type", "must be a positive whole number");
        }
        return value.longValue();
    }

    public @Nullable Integer count(String field, int max) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong() || value.longValue() < 0 || value.longValue() > max) {
            return problem(field, "invalid_type", "must be a whole number from 0 to " + max);
        }
        return (int) value.longValue();
    }

    public @Nullable Integer requiredCount(String field, int max) {
        Integer count = count(field, max);
        if (count == null && !problems.containsKey(prefix + field)) {
            problem(field, "blank", "is required");
        }
        return count;
    }

    public @Nullable Boolean bool(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isBoolean()) {
            return problem(field, "invalid_type", "must be true or false");
        }
        return value.booleanValue();
    }

    public @Nullable LocalDate date(String field) {
        String text = text(field, 10);
        if (text == null) {
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(text);
            return SupportedDates.contains(date) ? date : problem(field, "invalid_value", "must be a date " + SupportedDates.RANGE);
        } catch (DateTimeParseException e) {
            return problem(field, "invalid_value", "must be a date written YYYY-MM-DD");
        }
    }

    public @Nullable LocalDate requiredDate(String field) {
        LocalDate date = date(field);
        if (date == null && !problems.containsKey(prefix + field)) {
            problem(field, "blank", "is required: a date written YYYY-MM-DD");
        }
        return date;
    }

    public @Nullable List<String> texts(String field, int maxLength, int maxItems) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isArray() || value.size() > maxItems) {
            return problem(field, "invalid_type", "must be a list of at most " + maxItems + " strings");
        }
        List<String> texts = new ArrayList<>();
        for (JsonNode item : value.values()) {
            if (!item.isString() || item.stringValue().isBlank() || item.stringValue().length() > maxLength) {
                return problem(field, "invalid_value", "must hold non-blank strings of at most " + maxLength + " characters");
            }
            texts.add(item.stringValue().strip());
        }
        return texts;
    }

    /** A nested object such as {@code organization_fields}; absent reads as an empty object. */
    public JsonBody object(String field) {
        JsonNode value = node.get(field);
        if (value != null && !value.isNull() && !value.isObject()) {
            problem(field, "invalid_type", "must be an object");
        }
        JsonNode nested = value != null && value.isObject() ? value : tools.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        return new JsonBody(nested, prefix + field + ".", problems);
    }

    /** A list of objects such as {@code custom_fields}; absent or null reads as empty. */
    public List<JsonBody> objects(String field, int maxItems) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isArray() || value.size() > maxItems) {
            problem(field, "invalid_type", "must be a list of at most " + maxItems + " objects");
            return List.of();
        }
        List<JsonBody> items = new ArrayList<>();
        int index = 0;
        for (JsonNode item : value.values()) {
            if (!item.isObject()) {
                problem(field, "invalid_type", "must hold objects only");
                return List.of();
            }
            items.add(new JsonBody(item, prefix + field + "[" + index++ + "].", problems));
        }
        return items;
    }

    /** The raw value, for fields whose type depends on another field (a custom field's value). */
    public @Nullable JsonNode raw(String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value;
    }

    public void problemWith(String field, String error, String description) {
        problem(field, error, description);
    }

    /** Throws a 422 listing every problem found so far; call once all fields are read. */
    public void throwIfInvalid() {
        if (!problems.isEmpty()) {
            throw new ApiException(422, "RecordInvalid", "Record validation errors: " + summary(), problems);
        }
    }

    private String summary() {
        List<String> parts = new ArrayList<>();
        problems.forEach((field, errors) -> errors.forEach(e -> parts.add(field + " " + e.description())));
        return String.join("; ", parts);
    }

    private <T> @Nullable T problem(String field, String error, String description) {
        problems.computeIfAbsent(prefix + field, f -> new ArrayList<>()).add(new ApiException.FieldError(description, error));
        return null;
    }
}
