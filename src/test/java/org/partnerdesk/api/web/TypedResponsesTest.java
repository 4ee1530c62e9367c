package org.partnerdesk.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.partnerdesk.ApiTest;
import tools.jackson.databind.JsonNode;

/** #13: {@code /v3/api-docs} describes every JSON response body with a named schema, not a free-form object. */
class TypedResponsesTest extends ApiTest {

    @Test
    void everySuccessfulJsonResponseHasANamedSchemaWithProperties() {
        JsonNode docs = desk.anonymous().get("/v3/api-docs").json();
        JsonNode schemas = docs.at("/components/schemas");

        List<String> untyped = new ArrayList<>();
        docs.get("paths").properties().forEach(path -> path.getValue().properties().forEach(operation ->
                operation.getValue().path("responses").properties().stream()
                        .filter(response -> response.getKey().startsWith("2"))
                        .forEach(response -> response.getValue().path("content").properties().stream()
                                .filter(media -> media.getKey().contains("json") || media.getKey().equals("*/*"))
                                .filter(media -> !isDescribed(media.getValue().path("schema"), schemas))
                                .forEach(media -> untyped.add(operation.getKey().toUpperCase() + " " + path.getKey())))));

        assertThat(new TreeSet<>(untyped)).as("operations whose response is a free-form object").isEmpty();
    }

    /** A root record, or one of several (a public and a staff view), each naming its properties; a file download is no JSON body. */
    private static boolean isDescribed(JsonNode schema, JsonNode schemas) {
        String format = schema.path("format").asString("");
        if (format.equals("binary") || format.equals("byte")) {
            return true;
        }
        if (schema.has("oneOf")) {
            boolean all = true;
            for (JsonNode option : schema.get("oneOf")) {
                all &= isDescribed(option, schemas);
            }
            return all && !schema.get("oneOf").isEmpty();
        }
        String ref = schema.path("$ref").asString("");
        if (ref.isEmpty()) {
            return false;
        }
        JsonNode target = schemas.path(ref.substring(ref.lastIndexOf('/') + 1));
        return !target.path("properties").isEmpty() || (target.has("oneOf") && isDescribed(target, schemas));
    }
}
