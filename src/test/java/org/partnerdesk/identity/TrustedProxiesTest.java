package org.partnerdesk.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.partnerdesk.ApiClient;
import org.partnerdesk.ApiTest;

/**
 * #10 item 11 (docs/security.md "Trusted proxies"): forwarded headers count only from the proxies in
 * {@code PARTNERDESK_TRUSTED_PROXIES}. The tests trust 127.0.0.1 (ApiTest), so a caller on 127.0.0.2 is a client on the
 * same machine that is no proxy of ours.
 */
class TrustedProxiesTest extends ApiTest {

    @Test
    void aClientThatIsNoTrustedProxyCannotPickItsRateLimitKeyWithXForwardedFor() throws Exception {
        HttpClient untrusted = from("127.0.0.2");
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 21; i++) {
            statuses.add(send(untrusted, request("/api/v2/partner_applications")
                    .header("X-Forwarded-For", "203.0.113." + (i + 1))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"partner_application\":{}}"))).statusCode());
        }

        assertThat(statuses.subList(0, 20)).containsOnly(422);
        assertThat(statuses.get(20)).as("the 21st request from one address is over the per-client limit, whatever it forwards")
                .isEqualTo(429);
    }

    @Test
    void behindATrustedProxyTheClientIsTheAddressTheProxyAddedNotOneTheClientWrote() {
        String client = "198.51.100." + (1 + (int) (Math.random() * 250));
        ApiClient.Reply last = null;
        for (int i = 0; i < 21; i++) {
            // the client wrote the left entry itself; our proxy (127.0.0.1 here) appended the address it saw
            last = desk.anonymous().withHeader("X-Forwarded-For", "192.0.2." + (i + 1) + ", " + client)
                    .post("/api/v2/portal_access_requests", "{\"portal_access_request\":{}}");
        }

        assertThat(last.status()).as(last.toString()).isEqualTo(429);
        assertThat(desk.anonymous().withHeader("X-Forwarded-For", "192.0.2.1, 198.51.100.251")
                .post("/api/v2/portal_access_requests", "{\"portal_access_request\":{}}").status()).isEqualTo(422);
    }

    @Test
    void aClientThatIsNoTrustedProxyCannotChooseTheHostOfTheLinksTheDeskAnswers() throws Exception {
        desk.stranger();
        desk.stranger(); // at least two users besides the admin, so the first page of one has a next link
        HttpResponse<String> page = send(from("127.0.0.2"), request("/api/v2/users?page[size]=1")
                .header("Authorization", "Bearer " + ADMIN_TOKEN)
                .header("X-Forwarded-Host", "evil.test").header("X-Forwarded-Proto", "https").GET());

        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        assertThat(page.body()).contains("\"next\"").doesNotContain("evil.test").doesNotContain("https://");
    }

    @Test
    void proxiesAreAddressesOrCidrBlocksAndNothingElse() {
        assertThat(new TrustedProxies("10.0.0.0/8, 192.168.1.5,fd00::/8").isTrusted("10.200.3.4")).isTrue();
        assertThat(new TrustedProxies("10.0.0.0/8, 192.168.1.5,fd00::/8").isTrusted("192.168.1.6")).isFalse();
        assertThat(new TrustedProxies("10.0.0.0/8, 192.168.1.5,fd00::/8").isTrusted("fd12::1")).isTrue();
        assertThat(new TrustedProxies("").isTrusted("127.0.0.1")).as("by default nobody is trusted").isFalse();
        assertThatThrownBy(() -> new TrustedProxies("proxy.example.com")).hasMessageContaining("PARTNERDESK_TRUSTED_PROXIES");
        assertThatThrownBy(() -> new TrustedProxies("10.0.0.0/33")).hasMessageContaining("prefix");
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json").header("Accept", "application/json");
    }

    private static HttpClient from(String localAddress) throws UnknownHostException {
        return HttpClient.newBuilder().localAddress(InetAddress.getByName(localAddress)).build();
    }

    private static HttpResponse<String> send(HttpClient client, HttpRequest.Builder request) {
        return ApiClient.exchange(client, request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
