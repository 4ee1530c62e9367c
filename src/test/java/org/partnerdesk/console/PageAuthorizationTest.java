package org.partnerdesk.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.partnerdesk.ApiTest;
import org.partnerdesk.Desk;
import org.partnerdesk.identity.Passwords;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * UI-1, "every endpoint has an authorization rule": every page route (every {@link ConsolePage} mapping, found at run
 * time, so a new page is covered the day it is added) refuses a stranger (to the sign-in page) and an end user where it
 * is staff only; a browser session never opens the API and an API token never opens a page.
 */
class PageAuthorizationTest extends ApiTest {

    /** Pages anyone may open: signing in, the password links, sign-up and access requests of PO-1/PO-2. */
    private static final Set<String> PUBLIC = Set.of("/sign-in", "/denied", "/portal/sign-up", "/portal/access", "/portal/confirm");
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final String PASSWORD = "correct horse battery staple";

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    Passwords passwords;

    @Test
    void aStrangerIsSentToSignInFromEveryPageThatIsNotPublic() throws Exception {
        var stranger = new Browser();
        List<String> wrong = new ArrayList<>();
        for (Route route : routes()) {
            if (isPublic(route.path())) {
                continue;
            }
            var response = stranger.send(route.method(), route.path());
            String location = response.headers().firstValue("Location").orElse("");
            if (route.method().equals("GET") ? !(response.statusCode() == 302 && location.endsWith("/sign-in"))
                    : !(response.statusCode() == 302 || response.statusCode() == 403)) {
                wrong.add(route + " -> " + response.statusCode() + " " + location);
            }
        }
        assertThat(wrong).as("pages a stranger was not refused").isEmpty();
    }

    @Test
    void customersAndPartnersAreRefusedEveryAgentAndOperationsPage() throws Exception {
        for (Desk.Account endUser : List.of(desk.endUserIn(desk.aCustomer()), desk.endUserIn(desk.aPartner("select")))) {
            var browser = new Browser().signIn(endUser);
            List<String> wrong = new ArrayList<>();
            for (Route route : routes()) {
                if (route.path().startsWith("/agent") || route.path().startsWith("/ops")) {
                    int status = browser.send(route.method(), route.path()).statusCode();
                    if (status != 403) {
                        wrong.add(route + " -> " + status);
                    }
                }
            }
            assertThat(wrong).as("staff pages an end user (" + endUser.email() + ") was not refused").isEmpty();
        }
    }

    @Test
    void aBrowserSessionDoesNotOpenTheApi() throws Exception {
        var agent = desk.agent();
        var browser = new Browser().signIn(agent);

        assertThat(browser.send("GET", "/api/v2/tickets").statusCode()).isEqualTo(401);
    }

    @Test
    void anApiTokenDoesNotOpenAPage() throws Exception {
        var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(baseUrl() + "/agent"))
                .header("Authorization", "Bearer " + ADMIN_TOKEN).build(), HttpResponse.BodyHandlers.discarding());

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location").orElseThrow()).endsWith("/sign-in");
    }

    private static boolean isPublic(String path) {
        return PUBLIC.contains(path) || path.startsWith("/password/");
    }

    private record Route(String method, String path) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private List<Route> routes() {
        List<Route> routes = new ArrayList<>();
        mappings.getHandlerMethods().forEach((info, handler) -> {
            if (!AnnotatedElementUtils.hasAnnotation(handler.getBeanType(), ConsolePage.class) || info.getPathPatternsCondition() == null) {
                return;
            }
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            for (String pattern : info.getPathPatternsCondition().getPatternValues()) {
                String path = pattern.replaceAll("\\{[^}]+}", "1");
                if (methods.isEmpty()) {
                    routes.add(new Route("GET", path));
                }
                methods.forEach(method -> routes.add(new Route(method.name(), path)));
            }
        });
        assertThat(routes).as("page routes").isNotEmpty();
        return routes;
    }

    /** A browser without a browser: cookies, no redirects followed, the CSRF token of the last page read. */
    private final class Browser {
        private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        private String csrf = "";

        Browser() throws IOException, InterruptedException {
            readCsrf(get("/sign-in").body());
        }

        Browser signIn(Desk.Account account) throws IOException, InterruptedException {
            passwords.set(account.id(), PASSWORD);
            var response = post("/sign-in", "email=" + encode(account.email()) + "&password=" + encode(PASSWORD));
            assertThat(response.statusCode()).isEqualTo(302);
            assertThat(response.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
            readCsrf(get("/portal").body()); // sign-in renews the token; any page with the layout shows the new one
            return this;
        }

        HttpResponse<String> send(String method, String path) throws IOException, InterruptedException {
            return method.equals("GET") ? get(path) : post(path, "");
        }

        private HttpResponse<String> get(String path) throws IOException, InterruptedException {
            return http.send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).build(), HttpResponse.BodyHandlers.ofString());
        }

        private HttpResponse<String> post(String path, String form) throws IOException, InterruptedException {
            String body = (form.isEmpty() ? "" : form + "&") + "_csrf=" + encode(csrf);
            return http.send(HttpRequest.newBuilder(URI.create(baseUrl() + path))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        }

        private void readCsrf(String html) {
            Matcher matcher = CSRF.matcher(html);
            if (matcher.find()) {
                csrf = matcher.group(1);
            }
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
