package org.partnerdesk;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * An endpoint as a test names it, {@code "PUT /api/v2/subscriptions/{id}"}: its placeholders are filled from
 * what the test arranged, and a write carries the body given (reads never send one).
 */
public record Endpoint(String method, String path) {

    public static Endpoint of(String line) {
        int space = line.indexOf(' ');
        return new Endpoint(line.substring(0, space), line.substring(space + 1));
    }

    public boolean writes() {
        return !method.equals("GET");
    }

    public ApiClient.Reply send(ApiClient api, Map<String, ?> values, @Nullable String body) {
        String filled = path;
        for (var value : values.entrySet()) {
            filled = filled.replace("{" + value.getKey() + "}", String.valueOf(value.getValue()));
        }
        return api.send(method, filled, writes() ? body : null); // a DELETE sends its body when given (issue #17: DELETE /tickets/{id}/tags)
    }
}
