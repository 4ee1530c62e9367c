package org.partnerdesk.console;

import java.time.Duration;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.partnerdesk.api.Actor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** UI-1: what the shared layout shows on every page: who is signed in, the CSRF header htmx sends, the session's length. */
@ControllerAdvice(annotations = ConsolePage.class)
class LayoutModel {

    private final long sessionSeconds;

    LayoutModel(@Value("${server.servlet.session.timeout}") Duration sessionTimeout) {
        this.sessionSeconds = sessionTimeout.toSeconds();
    }

    @ModelAttribute("me")
    @Nullable Actor me() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof Actor actor ? actor : null;
    }

    @ModelAttribute("sessionSeconds")
    long sessionSeconds() {
        return sessionSeconds;
    }

    /** htmx sends this on every request it makes ({@code hx-headers} on {@code <body>}), so its posts pass the CSRF check. */
    @ModelAttribute("csrfHeaders")
    @Nullable String csrfHeaders(HttpServletRequest request) {
        return request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token
                ? "{\"" + token.getHeaderName() + "\": \"" + token.getToken() + "\"}" : null;
    }
}
