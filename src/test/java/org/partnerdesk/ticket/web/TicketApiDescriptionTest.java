package org.partnerdesk.ticket.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.partnerdesk.ApiTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

/** #13: {@code /v3/api-docs} names the shape of every response body the ticket module's endpoints answer with. */
class TicketApiDescriptionTest extends ApiTest {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void everyTicketEndpointDescribesItsSuccessfulResponseAsARecordWithProperties() {
        JsonNode docs = desk.anonymous().get("/v3/api-docs").json();
        JsonNode schemas = docs.at("/components/schemas");

        List<String> operations = new ArrayList<>();
        List<String> untyped = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> mapping : mappings.getHandlerMethods().entrySet()) {
            if (!mapping.getValue().getBeanType().getPackageName().startsWith("org.partnerdesk.ticket")
                    || mapping.getValue().getBeanType().isAnnotationPresent(org.partnerdesk.console.ConsolePage.class)) {
                continue; // UI-1: pages are not the API
            }
            for (String path : mapping.getKey().getPatternValues()) {
                for (var method : mapping.getKey().getMethodsCondition().getMethods()) {
                    String operation = method.name() + " " + path;
                    operations.add(operation);
                    JsonNode responses = docs.path("paths").path(path).path(method.name().toLowerCase()).path("responses");
                    boolean typed = responses.properties().stream().filter(r -> r.getKey().startsWith("2")).findAny()
                            .map(ok -> ok.getValue().path("content").properties().stream()
                                    .allMatch(media -> isRecord(media.getValue().path("schema"), schemas)))
                            .orElse(false);
                    if (!typed) {
                        untyped.add(operation + " " + responses);
                    }
                }
            }
        }

        assertThat(operations).as("the ticket module's operations").contains("GET /api/v2/tickets/{id}/audits",
                "POST /api/v2/tickets", "GET /api/v2/search", "GET /api/v2/views/tickets", "GET /api/v2/ticket_fields");
        assertThat(untyped).as("operations whose 2xx body is a free-form object").isEmpty();
    }

    @Test
    void ticketAndAuditShapesNameTheirPropertiesAsTheApiWritesThem() {
        JsonNode schemas = desk.anonymous().get("/v3/api-docs").json().at("/components/schemas");

        assertThat(schemas.at("/TicketJson/properties").propertyNames()).contains("requester_id", "custom_fields",
                "ticket_form_id", "is_public", "created_at");
        assertThat(schemas.at("/TicketCommentJson/properties").propertyNames()).contains("public", "html_body")
                .doesNotContain("is_public");
        assertThat(schemas.at("/ShownTicket/properties").propertyNames()).contains("id", "subject", "slas");
        assertThat(schemas.at("/ChangeEvent/properties").propertyNames()).contains("previous_value");
        assertThat(schemas.at("/CreateEvent/properties").propertyNames()).doesNotContain("previous_value");
    }

    /** A reference to a schema that lists its properties, not an object of anything. */
    private static boolean isRecord(JsonNode schema, JsonNode schemas) {
        String ref = schema.path("$ref").asString("");
        return !ref.isEmpty() && !schemas.path(ref.substring(ref.lastIndexOf('/') + 1)).path("properties").isEmpty();
    }
}
