package org.partnerdesk.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.partnerdesk.ApiTest;

/** UI-1 budgets: a page names its styles and scripts by a hash of their content, kept a year; its other links stay as written. */
class FingerprintedLinksTest extends ApiTest {

    private static final Pattern STYLES = Pattern.compile("href=\"(/assets/desk-[0-9a-f]{32}\\.css)\"");

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void assetsCarryTheirHashAndOtherLinksAreLeftAsWritten() throws Exception {
        String page = get("/sign-in").body();

        Matcher styles = STYLES.matcher(page);
        assertThat(styles.find()).as("fingerprinted desk.css in\n" + page).isTrue();
        assertThat(page).containsPattern("src=\"/webjars/htmx.org/[^\"]*/dist/htmx.min-[0-9a-f]{32}\\.js\"")
                .contains("href=\"/password/forgot\"", "href=\"/portal/sign-up\"");
        var asset = get(styles.group(1));
        assertThat(asset.statusCode()).isEqualTo(200);
        assertThat(asset.headers().firstValue("Cache-Control").orElse("")).contains("max-age=31536000", "immutable");
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
