package org.partnerdesk.api;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Issue #17 (server-side request forgery): where the desk's outgoing calls (webhooks, alliance chat webhooks) may not go. The
 * desk sits inside a network, so an admin's webhook aimed at loopback, link-local (169.254.169.254, the cloud metadata service), private, shared (100.64/10),
 * unspecified or multicast addresses would reach what only the desk may reach. Checked when a webhook is saved and again,
 * after resolving the host, before each call (DNS may change between the two); {@code
 * partnerdesk.webhooks.allow-internal-addresses=true} lets a desk on a private network call its neighbours.
 */
@Component
public class OutboundAddresses {

    private final boolean allowInternal;

    OutboundAddresses(@Value("${partnerdesk.webhooks.allow-internal-addresses:false}") boolean allowInternal) {
        this.allowInternal = allowInternal;
    }

    /**
     * Why a webhook may not call this http(s) URL's host, if it may not: every address the host resolves to is checked. A host
     * that does not resolve (yet) is not refused here: the call fails, and is logged, if it still does not.
     */
    public Optional<String> refusal(URI endpoint) {
        String host = endpoint.getHost();
        if (allowInternal || host == null) {
            return Optional.empty();
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
        return Arrays.stream(addresses).map(OutboundAddresses::internalKind).filter(Objects::nonNull).findFirst()
                .map(kind -> "must not be an internal address: " + host + " is " + kind
                        + " (set partnerdesk.webhooks.allow-internal-addresses to allow it)");
    }

    // what kind of internal address this is, or null for one on the public internet
    private static @Nullable String internalKind(InetAddress address) {
        byte[] b = address.getAddress();
        if (address.isAnyLocalAddress()) {
            return "the unspecified address";
        }
        if (address.isLoopbackAddress()) {
            return "a loopback address";
        }
        if (address instanceof Inet6Address v6) {
            if (v6.isIPv4CompatibleAddress() || isNat64(b)) {
                return internalKind(v4(b[12], b[13], b[14], b[15])); // ::a.b.c.d and 64:ff9b::a.b.c.d reach a.b.c.d
            }
            if ((b[0] & 0xfe) == 0xfc) {
                return "a private (unique local, fc00::/7) address";
            }
        }
        if (address instanceof Inet4Address && b[0] == 0) {
            return "the unspecified address";
        }
        if (address.isLinkLocalAddress()) {
            return "a link-local address (where clouds serve instance metadata)";
        }
        if (address.isSiteLocalAddress()) {
            return "a private address";
        }
        if (address instanceof Inet4Address && (b[0] & 0xff) == 100 && (b[1] & 0xc0) == 64) {
            return "a shared (carrier-grade NAT, 100.64.0.0/10) address";
        }
        if (address.isMulticastAddress() || address instanceof Inet4Address && Arrays.equals(b, new byte[] {-1, -1, -1, -1})) {
            return "a multicast or broadcast address";
        }
        return null;
    }

    private static boolean isNat64(byte[] b) {
        return b[0] == 0 && b[1] == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b
                && Arrays.equals(Arrays.copyOfRange(b, 4, 12), new byte[8]);
    }

    private static InetAddress v4(byte a, byte b, byte c, byte d) {
        try {
            return InetAddress.getByAddress(new byte[] {a, b, c, d});
        } catch (UnknownHostException e) {
            throw new IllegalStateException("four bytes are an IPv4 address", e);
        }
    }
}
