package org.partnerdesk.api;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

/** Writes the Zendesk error shape where no controller advice reaches (security filters). */
public final class ErrorResponses {

    private ErrorResponses() {
    }

    public static Map<String, Object> body(ApiException refusal) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", refusal.error());
        body.put("description", refusal.description());
        body.put("details", RuleHelp.details(refusal));
        return body;
    }

    public static void write(HttpServletResponse response, ApiException refusal, JsonMapper json) throws IOException {
        response.setStatus(refusal.status());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), body(refusal));
    }
}
