package org.partnerdesk.partnerops.access.web;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import org.partnerdesk.api.Actor;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** Who calls an endpoint that also answers people who are not signed in (PO-1, PO-2), and from which address. */
public final class Callers {

    private Callers() {
    }

    public static Optional<Actor> current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof Actor actor ? Optional.of(actor) : Optional.empty();
    }

    /** The client's address; behind a configured trusted proxy the one it forwarded ({@code identity.TrustedProxies}). */
    public static String address(HttpServletRequest request) {
        return request.getRemoteAddr();
    }
}
