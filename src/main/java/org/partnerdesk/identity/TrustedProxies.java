package org.partnerdesk.identity;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.ForwardedHeaderFilter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The proxies whose forwarded headers are believed ({@code PARTNERDESK_TRUSTED_PROXIES}, addresses or CIDRs, default
 * none): only a request whose peer is one of them gets its client address from {@code X-Forwarded-For} and its scheme and
 * host from {@code X-Forwarded-Proto}/{@code -Host}. Anyone else's forwarded headers are ignored, so no client picks its
 * own rate-limit key or the host of the links the desk hands out (#10 item 11). The client is the right-most
 * {@code X-Forwarded-For} entry that is not a trusted proxy: entries to its left were written by the client itself.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class TrustedProxies extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(TrustedProxies.class);
    private static final Pattern IP_LITERAL = Pattern.compile("[0-9A-Fa-f:.]+");

    private final List<Block> proxies;
    private final ForwardedHeaderFilter forwarded = new ForwardedHeaderFilter();

    TrustedProxies(@Value("${partnerdesk.trusted-proxies:}") String configured) {
        this.proxies = parse(configured);
        if (!proxies.isEmpty()) {
            log.info("Forwarded headers are trusted from {}", configured.strip());
        }
    }

    /** One address block: the network's bytes and how many leading bits must match. */
    record Block(byte[] network, int prefix) {

        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int bits = prefix;
            for (int i = 0; i < network.length && bits > 0; i++, bits -= 8) {
                int mask = bits >= 8 ? 0xFF : (0xFF << (8 - bits)) & 0xFF;
                if ((address[i] & mask) != (network[i] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }

    static List<Block> parse(String configured) {
        List<Block> blocks = new ArrayList<>();
        for (String entry : configured.split(",")) {
            String value = entry.strip();
            if (value.isEmpty()) {
                continue;
            }
            int slash = value.indexOf('/');
            byte[] network = literal(slash < 0 ? value : value.substring(0, slash)).orElseThrow(() -> new IllegalArgumentException(
                    "PARTNERDESK_TRUSTED_PROXIES: " + value + " is not an IP address or CIDR block (e.g. 10.0.0.5, 10.0.0.0/8, fd00::/8)"));
            int prefix;
            try {
                prefix = slash < 0 ? network.length * 8 : Integer.parseInt(value.substring(slash + 1));
            } catch (NumberFormatException e) {
                prefix = -1;
            }
            if (prefix < 0 || prefix > network.length * 8) {
                throw new IllegalArgumentException("PARTNERDESK_TRUSTED_PROXIES: " + value + " has no valid prefix length");
            }
            blocks.add(new Block(network, prefix));
        }
        return Collections.unmodifiableList(blocks);
    }

    boolean isTrusted(String address) {
        return literal(address).map(bytes -> proxies.stream().anyMatch(block -> block.contains(bytes))).orElse(false);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (proxies.isEmpty() || !isTrusted(request.getRemoteAddr())) {
            chain.doFilter(request, response);
            return;
        }
        String client = clientBehind(request);
        forwarded.doFilter(request, response, (req, res) -> chain.doFilter(new FromClient((HttpServletRequest) req, client), res));
    }

    // right to left: skip our own proxies; the first other hop was written by a trusted proxy, so it is the client
    private String clientBehind(HttpServletRequest request) {
        List<String> hops = new ArrayList<>();
        for (String header : Collections.list(request.getHeaders("X-Forwarded-For"))) {
            for (String hop : header.split(",")) {
                if (!hop.isBlank()) {
                    hops.add(hop.strip());
                }
            }
        }
        String client = request.getRemoteAddr();
        for (int i = hops.size() - 1; i >= 0; i--) {
            String hop = hops.get(i);
            if (literal(hop).isEmpty()) {
                return client; // not written by a proxy of ours: keep the last address we can vouch for
            }
            client = hop;
            if (!isTrusted(hop)) {
                return hop;
            }
        }
        return client;
    }

    private static Optional<byte[]> literal(String text) {
        String address = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
        if (address.isEmpty() || address.length() > 45 || !IP_LITERAL.matcher(address).matches()) {
            return Optional.empty(); // never a host name: that would cost a DNS lookup per request
        }
        try {
            return Optional.of(InetAddress.getByName(address).getAddress());
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    private static final class FromClient extends HttpServletRequestWrapper {

        private final String client;

        FromClient(HttpServletRequest request, String client) {
            super(request);
            this.client = client;
        }

        @Override
        public String getRemoteAddr() {
            return client;
        }

        @Override
        public String getRemoteHost() {
            return client;
        }
    }
}
