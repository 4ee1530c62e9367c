package org.partnerdesk.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A refusal the API answers in Zendesk's error shape: {@code {"error","description","details"}}.
 * Domain refusals extend it so one handler turns all of them into a status and a body.
 */
public class ApiException extends RuntimeException {

    private final int status;
    private final String error;
    private final Map<String, List<FieldError>> details;

    public ApiException(int status, String error, String description, Map<String, List<FieldError>> details) {
        super(description);
        this.status = status;
        this.error = error;
        this.details = Map.copyOf(new LinkedHashMap<>(details));
    }

    public ApiException(int status, String error, String description) {
        this(status, error, description, Map.of());
    }

    public int status() {
        return status;
    }

    public String error() {
        return error;
    }

    public String description() {
        return getMessage();
    }

    public Map<String, List<FieldError>> details() {
        return details;
    }

    /** One problem with one field; {@code error} names a rule (DIR-3) or a kind of problem (blank). */
    public record FieldError(String description, String error) {
    }

    public static ApiException notFound(String what) {
        return new ApiException(404, "RecordNotFound", what + " not found");
    }

    public static ApiException forbidden(String why) {
        return new ApiException(403, "Forbidden", why);
    }

    public static ApiException badRequest(String error, String why) {
        return new ApiException(400, error, why);
    }

    public static ApiException invalid(String field, String error, String description) {
        return new ApiException(422, "RecordInvalid", "Record validation errors",
                Map.of(field, List.of(new FieldError(description, error))));
    }
}
