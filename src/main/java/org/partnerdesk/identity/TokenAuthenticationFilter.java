package org.partnerdesk.identity;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.partnerdesk.api.Actor;
import org.partnerdesk.api.ApiException;
import org.partnerdesk.api.ErrorResponses;
import org.partnerdesk.api.StorableText;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * API-2: {@code Basic base64(email/token:TOKEN)}, {@code Bearer TOKEN}, or a portal user's {@code Basic base64(email:password)};
 * a wrong credential is a 401 at once.
 */
class TokenAuthenticationFilter extends OncePerRequestFilter {

    /** API-2: the realm says the user name's format, since a browser's sign-in prompt shows nothing else (docs/api.md). */
    static final String CHALLENGE = "Basic realm=\"PartnerDesk API: e-mail/token:API_TOKEN or e-mail:password\"";

    private final ApiTokens tokens;
    private final Passwords passwords;
    private final JsonMapper json;

    TokenAuthenticationFilter(ApiTokens tokens, Passwords passwords, JsonMapper json) {
        this.tokens = tokens;
        this.passwords = passwords;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header == null || header.isBlank()) {
            chain.doFilter(request, response);
            return;
        }
        Optional<Actor> actor;
        try {
            actor = actorFor(header.strip(), request.getRemoteAddr());
        } catch (SignInThrottle.Throttled throttled) {
            response.setHeader("Retry-After", Long.toString(throttled.retryAfterSeconds()));
            ErrorResponses.write(response, new ApiException(429, "TooManyRequests", "Too many failed sign-ins " + throttled.scope()
                    + "; try again in " + throttled.retryAfterSeconds() + " seconds, or use an API token."), json);
            return;
        }
        if (actor.isEmpty()) {
            response.setHeader("WWW-Authenticate", CHALLENGE);
            ErrorResponses.write(response, new ApiException(401, "Unauthorized",
                    "Couldn't authenticate you: use email/token:API_TOKEN or email:password (basic), or Bearer API_TOKEN."), json);
            return;
        }
        var authentication = new UsernamePasswordAuthenticationToken(actor.get(), null,
                List.of(new SimpleGrantedAuthority("ROLE_" + actor.get().role().name())));
        SecurityContextHolder.getContext().setAuthentication(authentication);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private Optional<Actor> actorFor(String header, String client) {
        int space = header.indexOf(' ');
        if (space < 0) {
            return Optional.empty();
        }
        String scheme = header.substring(0, space);
        String credentials = header.substring(space + 1).strip();
        if (scheme.equalsIgnoreCase("Bearer")) {
            return tokens.authenticate(credentials);
        }
        if (!scheme.equalsIgnoreCase("Basic")) {
            return Optional.empty();
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(credentials), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        int colon = decoded.indexOf(':');
        // text the desk cannot store (a NUL) names no user: a wrong credential, before any lookup by it
        if (colon < 0 || !StorableText.isStorable(decoded)) {
            return Optional.empty();
        }
        if (!decoded.substring(0, colon).endsWith("/token")) {
            return passwords.authenticate(decoded.substring(0, colon), decoded.substring(colon + 1), client);
        }
        String email = decoded.substring(0, colon - "/token".length());
        return tokens.authenticate(decoded.substring(colon + 1)).filter(actor -> actor.email().equalsIgnoreCase(email));
    }
}
