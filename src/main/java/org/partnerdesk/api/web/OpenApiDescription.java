package org.partnerdesk.api.web;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.BooleanSchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.NumberSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * API-1, API-2: the OpenAPI description at {@code /v3/api-docs} names the API, its build version and how to sign in
 * (so Swagger UI offers "Authorize"), and shows an example body, with the schema it implies, for the main writes.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class OpenApiDescription {

    static final String API_TOKEN = "api_token";
    static final String BEARER = "bearer";

    /** The main write bodies, as the desk takes them (the same shapes docs/api.md shows with the demo data). */
    private static final Map<String, String> EXAMPLE_BODIES = examples();

    @Bean
    OpenAPI partnerDeskApi(ObjectProvider<BuildProperties> build) {
        BuildProperties built = build.getIfAvailable();
        return new OpenAPI()
                .info(new Info()
                        .title("PartnerDesk API")
                        .version(built != null ? built.getVersion() : "development")
                        .description("""
                                A support desk for software vendors that sell through channel partners, in the \
                                conventions of the Zendesk Support API v2: JSON root objects, snake_case, cursor pages, \
                                errors as {"error","description","details"}. Every refusal that names a rule links to \
                                its explanation on /docs/rules.md. Sign in with an API token: basic auth as \
                                email/token:TOKEN, or Authorization: Bearer TOKEN."""))
                .components(new Components()
                        .addSecuritySchemes(API_TOKEN, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                                .description("An API token as basic auth: user name `email/token`, password the token "
                                        + "(`Authorization: Basic base64(\"email/token:TOKEN\")`)."))
                        .addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                                .description("An API token as `Authorization: Bearer TOKEN`.")))
                // either scheme signs a request in; the few open endpoints (sign-up, portal access) ignore both
                .addSecurityItem(new SecurityRequirement().addList(API_TOKEN))
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }

    /** UI-1: the pages (HTML, sessions, /agent, /portal, /ops ...) are not part of the API's description. */
    @Bean
    OpenApiCustomizer withoutPages() {
        List<String> pages = List.of("/agent", "/portal", "/ops", "/sign-in", "/sign-out", "/password/", "/live/", "/denied");
        return openApi -> {
            if (openApi.getPaths() != null) {
                openApi.getPaths().keySet().removeIf(path -> pages.stream().anyMatch(path::startsWith));
            }
        };
    }

    /** PO-1, PO-2: people without a sign-in yet call these; a signed-in caller may too (a manual sign-up, staff asking). */
    @Bean
    OpenApiCustomizer openToEveryone() {
        return openApi -> {
            if (openApi.getPaths() == null) {
                return;
            }
            for (String open : List.of("/api/v2/partner_applications", "/api/v2/portal_access_requests",
                    "/api/v2/sign_in_invitations/accept")) {
                PathItem path = openApi.getPaths().get(open);
                if (path != null && path.getPost() != null) {
                    path.getPost().setSecurity(List.of(new SecurityRequirement(),
                            new SecurityRequirement().addList(API_TOKEN), new SecurityRequirement().addList(BEARER)));
                }
            }
        };
    }

    @Bean
    OpenApiCustomizer exampleRequestBodies(JsonMapper json) {
        return openApi -> {
            if (openApi.getPaths() == null) {
                return;
            }
            EXAMPLE_BODIES.forEach((call, example) -> {
                String[] methodAndPath = call.split(" ", 2);
                PathItem path = openApi.getPaths().get(methodAndPath[1]);
                Operation operation = path == null ? null
                        : path.readOperationsMap().get(PathItem.HttpMethod.valueOf(methodAndPath[0]));
                if (operation == null) {
                    return;
                }
                JsonNode body = json.readTree(example);
                operation.setRequestBody(new RequestBody().required(true).content(new Content().addMediaType(
                        org.springframework.http.MediaType.APPLICATION_JSON_VALUE,
                        new MediaType().schema(schemaOf(body)).example(json.convertValue(body, Object.class)))));
            });
        };
    }

    // the schema an example implies: objects with their properties, arrays of their first item, scalars by kind
    private static Schema<?> schemaOf(JsonNode node) {
        if (node.isObject()) {
            ObjectSchema object = new ObjectSchema();
            for (Map.Entry<String, JsonNode> property : node.properties()) {
                object.addProperty(property.getKey(), schemaOf(property.getValue()));
            }
            return object;
        }
        if (node.isArray()) {
            Iterator<JsonNode> items = node.values().iterator();
            return new ArraySchema().items(items.hasNext() ? schemaOf(items.next()) : new StringSchema());
        }
        if (node.isBoolean()) {
            return new BooleanSchema();
        }
        if (node.isIntegralNumber()) {
            return new IntegerSchema().format("int64");
        }
        if (node.isNumber()) {
            return new NumberSchema();
        }
        return new StringSchema();
    }

    private static Map<String, String> examples() {
        Map<String, String> bodies = new LinkedHashMap<>();
        bodies.put("POST /api/v2/organizations", """
                {"organization":{"name":"Hooli","external_id":"001HOOLI","domain_names":["hooli.test"],"notes":"",
                 "organization_fields":{"org_type":"customer","partner_track":null,"track_compliant":true,"parent_company":"Hooli Inc"}}}""");
        bodies.put("PUT /api/v2/organizations/{id}", """
                {"organization":{"notes":"Prefers mail","organization_fields":{"track_compliant":false}}}""");
        bodies.put("POST /api/v2/users", """
                {"user":{"name":"Ada Acme","email":"ada@acme.test","role":"end-user","organization_id":2,"external_id":"003ADA"}}""");
        bodies.put("PUT /api/v2/users/{id}", """
                {"user":{"name":"Ann Acme-Smith"}}""");
        bodies.put("POST /api/v2/organization_memberships", """
                {"organization_membership":{"user_id":13,"organization_id":2}}""");
        bodies.put("POST /api/v2/group_memberships", """
                {"group_membership":{"user_id":4,"group_id":1}}""");
        bodies.put("POST /api/v2/subscriptions", """
                {"subscription":{"organization_id":3,"plan":"premium","seats":50,"starts_on":"2026-01-01","ends_on":"2026-12-31",
                 "purchased_through_organization_id":4}}""");
        bodies.put("POST /api/v2/nfr_licenses", """
                {"nfr_license":{"organization_id":5,"plan":"ultimate","users":10,"starts_on":"2026-01-01","ends_on":"2026-12-31"}}""");
        bodies.put("POST /api/v2/api_tokens", """
                {"api_token":{"user_id":2,"description":"laptop"}}""");
        bodies.put("POST /api/v2/tickets", """
                {"ticket":{"subject":"Pipeline fails","comment":{"body":"Runner crashes","public":true,"uploads":[]},
                 "ticket_form_id":360000818199,"priority":"high","custom_fields":[{"id":360012194200,"value":"ann@acme.test"},
                 {"id":360012194240,"value":"on_behalf_of_customer"}],"email_ccs":[{"user_email":"arthur@acme.test"}]}}""");
        bodies.put("PUT /api/v2/tickets/{id}", """
                {"ticket":{"status":"open","priority":"urgent","comment":{"body":"Production is down, so this is urgent now.",
                 "public":true},"custom_fields":[{"id":360012194200,"value":"ann@acme.test"}]}}""");
        bodies.put("POST /api/v2/star_requests", """
                {"star_request":{"ticket_id":1,"urgency":"timely","plan":"premium","reason":"Renewal at risk",
                 "desired_result":"An engineer on a call today"}}""");
        bodies.put("POST /api/v2/star_requests/{id}/unstar", """
                {"unstar":{"reason":"Fixed by the patch","alternative_path":"Follow up in the weekly call"}}""");
        bodies.put("POST /api/v2/tickets/{id}/alliance_messages", """
                {"alliance_message":{"kind":"escalation","text":"Customer is blocked, please look today"}}""");
        bodies.put("POST /api/v2/partner_applications", """
                {"partner_application":{"company":"Nina Consulting","parent_company":"Nina Holding","contact_name":"Nina",
                 "contact_email":"nina@nina.test","authorized_signatory":true,"agreement":"accept"}}""");
        bodies.put("POST /api/v2/partner_applications/{id}/approve", """
                {"approval":{"reason":"Signed agreement received"}}""");
        bodies.put("POST /api/v2/partner_applications/{id}/decline", """
                {"decline":{"reason":"Not in the DevOps space"}}""");
        bodies.put("POST /api/v2/portal_access_requests", """
                {"portal_access_request":{"organization_id":4,"name":"Rita Reseller","email":"rita@resellco.test"}}""");
        bodies.put("POST /api/v2/portal_access_requests/{id}/approve", """
                {"approval":{"reason":"Confirmed by Sam"}}""");
        bodies.put("POST /api/v2/portal_access_requests/{id}/decline", """
                {"decline":{"reason":"Not an employee of ResellCo"}}""");
        bodies.put("POST /api/v2/sign_in_invitations/accept", """
                {"sign_in_invitation":{"token":"TOKEN_FROM_THE_MAIL","password":"correct horse battery"}}""");
        bodies.put("POST /api/v2/certifications", """
                {"certification":{"organization_id":4,"user_id":15,"kind":"solution_architect","passed_on":"2026-01-15"}}""");
        bodies.put("POST /api/v2/nfr_requests", """
                {"nfr_request":{"plan":"ultimate","users":10,"deployment":"self_managed","comment":"Demo lab"}}""");
        bodies.put("POST /api/v2/nfr_exceptions", """
                {"nfr_exception":{"nfr_request_id":1,"users":40,"business_justification":"Training 40 consultants for a rollout"}}""");
        bodies.put("POST /api/v2/nfr_exceptions/{id}/decisions", """
                {"decision":{"verdict":"approve","comment":"Worth it for the rollout"}}""");
        bodies.put("POST /api/v2/billing_accounts", """
                {"billing_account":{"organization_id":4,"entity_name":"ResellCo GmbH",
                 "contact":{"name":"Greta Billing","email":"billing@resellco.de","address":"Hauptstrasse 1, Berlin"}}}""");
        return Map.copyOf(bodies);
    }
}
