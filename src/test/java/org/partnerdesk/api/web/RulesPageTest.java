package org.partnerdesk.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.partnerdesk.ApiClient.Reply;
import org.partnerdesk.ApiTest;
import org.partnerdesk.Desk;
import tools.jackson.databind.JsonNode;

/** Issue #12: a refusal that names a rule links to its explanation, which the desk serves to anyone. */
class RulesPageTest extends ApiTest {

    private static final Pattern RULE_ID = Pattern.compile("\\b(?:DIR|ENT|TKT|NTF|FILE|API|PO|UI)-\\d{1,2}\\b");

    @Test
    void aRefusalByRuleLinksToThatRuleOnTheDesksOwnRulesPage() {
        Desk.Org customer = desk.aCustomer();
        Desk.Account contact = desk.endUserIn(customer);
        Desk.Org partner = desk.aPartner("open");

        Reply refused = desk.admin.post("/api/v2/organization_memberships", """
                {"organization_membership":{"user_id":%d,"organization_id":%d}}""".formatted(contact.id(), partner.id()));

        assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
        JsonNode error = firstErrorNaming(refused.json().get("details"), "DIR-3");
        assertThat(error.get("help").stringValue()).isEqualTo("http://localhost:" + port + "/docs/rules.md#dir-3");
        HttpResponse<byte[]> page = desk.anonymous().getBytes(error.get("help").stringValue());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/markdown");
        assertThat(new String(page.body(), StandardCharsets.UTF_8)).contains("### DIR-3\n\n**Customers and partners never mix.**");
    }

    @Test
    void aForbiddenStepNamesItsRuleWithItsLinkUnderBase() {
        Desk.Account customerContact = desk.endUserIn(desk.aCustomer());

        Reply refused = customerContact.api().post("/api/v2/nfr_requests", """
                {"nfr_request":{"plan":"ultimate","users":1,"deployment":"saas"}}""");

        assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
        assertThat(refused.at("/details/base/0/error").stringValue()).isEqualTo("PO-3");
        assertThat(refused.at("/details/base/0/help").stringValue()).endsWith("/docs/rules.md#po-3");
    }

    @Test
    void aRefusalWithoutARuleCarriesNoLink() {
        Reply refused = desk.admin.post("/api/v2/organizations", """
                {"organization":{"name":""}}""");

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.at("/details/name/0/error").stringValue()).isEqualTo("blank");
        assertThat(refused.at("/details/name/0/help").isMissingNode()).isTrue();
        assertThat(refused.json().get("details").has("base")).isFalse();
    }

    @Test
    void aBrowserGetsTheRulesPageAsHtmlWithAnAnchorPerRule() {
        Reply page = desk.anonymous().withHeader("Accept", "text/html,application/xhtml+xml,*/*;q=0.8").get("/docs/rules.md");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Type")).startsWith("text/html");
        assertThat(page.text()).contains("<h3 id=\"tkt-3\">TKT-3</h3>", "<h3 id=\"po-4\">PO-4</h3>");
    }

    @Test
    void everyRuleTheDeskNamesIsExplainedOnTheRulesPage() throws IOException {
        String rules = Files.readString(Path.of("docs/rules.md"));
        Set<String> named = new TreeSet<>();
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher rule = RULE_ID.matcher(Files.readString(source));
                while (rule.find()) {
                    named.add(rule.group());
                }
            }
        }

        assertThat(named).hasSizeGreaterThan(30);
        assertThat(named).allSatisfy(rule -> assertThat(rules).as(rule).contains("\n### " + rule + "\n"));
    }

    @Test
    void theOpenApiDescriptionNamesTheApiItsBuildVersionAndTokenSignIn() throws IOException {
        Reply docs = desk.anonymous().get("/v3/api-docs");

        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.at("/info/title").stringValue()).isEqualTo("PartnerDesk API");
        assertThat(docs.at("/info/version").stringValue()).isEqualTo(builtVersion());
        assertThat(docs.at("/info/description").stringValue()).contains("email/token:TOKEN");
        assertThat(docs.at("/components/securitySchemes/api_token/type").stringValue()).isEqualTo("http");
        assertThat(docs.at("/components/securitySchemes/api_token/scheme").stringValue()).isEqualTo("basic");
        assertThat(docs.at("/components/securitySchemes/bearer/scheme").stringValue()).isEqualTo("bearer");
        assertThat(docs.json().get("security").toString()).contains("\"api_token\"", "\"bearer\"");
        JsonNode ticketBody = docs.at("/paths/~1api~1v2~1tickets/post/requestBody/content/application~1json");
        assertThat(ticketBody.at("/schema/properties/ticket/properties/ticket_form_id/type").stringValue()).isEqualTo("integer");
        assertThat(ticketBody.at("/example/ticket/subject").stringValue()).isNotBlank();
        JsonNode signUp = docs.at("/paths/~1api~1v2~1partner_applications/post/security");
        assertThat(signUp.isArray() && signUp.get(0).isObject() && signUp.get(0).isEmpty()).as("sign-up needs no sign-in: " + signUp)
                .isTrue();
        assertThat(docs.at("/paths/~1api~1v2~1nfr_exceptions~1{id}~1decisions/post/requestBody/content/application~1json"
                + "/schema/properties/decision/properties/verdict/type").stringValue()).isEqualTo("string");
    }

    private static String builtVersion() throws IOException {
        Properties build = new Properties();
        try (InputStream in = RulesPageTest.class.getResourceAsStream("/META-INF/build-info.properties")) {
            assertThat(in).as("build-info.properties from the build").isNotNull();
            build.load(in);
        }
        return build.getProperty("build.version");
    }

    private static JsonNode firstErrorNaming(JsonNode details, String rule) {
        for (JsonNode errors : details) {
            for (JsonNode error : errors) {
                if (rule.equals(error.path("error").stringValue())) {
                    return error;
                }
            }
        }
        throw new AssertionError(rule + " is not among " + details);
    }
}
