package org.partnerdesk.identity;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * UI-1: a page asked for without a sign-in goes to the sign-in page, which says "Your session ended" when the browser still
 * sent a session that is gone (timed out, or ended by a new password). htmx follows a redirect inside its request and
 * would swap the sign-in page into a fragment, so an htmx request gets {@code HX-Redirect} instead and the whole page goes.
 */
final class SessionEnded implements AuthenticationEntryPoint {

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException notSignedIn)
            throws IOException {
        boolean ended = request.getRequestedSessionId() != null && !request.isRequestedSessionIdValid();
        String signIn = request.getContextPath() + (ended ? "/sign-in?expired" : "/sign-in");
        if ("true".equalsIgnoreCase(request.getHeader("HX-Request"))) {
            response.setHeader("HX-Redirect", signIn);
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        } else {
            response.sendRedirect(signIn);
        }
    }
}
