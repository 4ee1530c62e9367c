package org.partnerdesk.database;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Issue #18: a person's own reads after a write stay on the primary. Any request that may write (not GET, HEAD or
 * OPTIONS) marks its caller for {@code PARTNERDESK_READ_REPLICA_OWN_WRITES} (5 s): a cookie the browser drops after that
 * time, so it holds on every node and costs no SQL (forging it only sends one's own reads to the primary), and a per-node
 * memory of the signed-in name for API callers that keep no cookies; on other nodes those rely on the lag bound (1 s).
 */
final class RecentWriters extends OncePerRequestFilter {

    static final String COOKIE = "PARTNERDESK_WROTE";
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    private final Duration window;
    private final Map<String, Long> until = new ConcurrentHashMap<>(); // name -> System.nanoTime() its window ends

    RecentWriters(Duration window) {
        this.window = window;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!SAFE.contains(request.getMethod())) {
            String name = signedIn();
            if (name != null) {
                until.put(name, System.nanoTime() + window.toNanos());
            }
            Cookie cookie = new Cookie(COOKIE, "1");
            cookie.setPath("/");
            cookie.setMaxAge((int) Math.max(1, window.toSeconds()));
            cookie.setHttpOnly(true);
            cookie.setSecure(request.isSecure());
            cookie.setAttribute("SameSite", "Lax");
            response.addCookie(cookie);
        }
        chain.doFilter(request, response);
    }

    /** Whether the request on this thread is a write, or comes from someone who wrote within the window. */
    boolean askedByRecentWriter() {
        if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
            return false; // a background job: no person to read their own writes
        }
        HttpServletRequest request = attributes.getRequest();
        if (!SAFE.contains(request.getMethod()) || hasCookie(request)) {
            return true;
        }
        String name = signedIn();
        Long end = name == null ? null : until.get(name);
        return end != null && end - System.nanoTime() > 0;
    }

    /** Forgets the windows that ended, so the memory holds only the last few seconds' writers. */
    void forgetEnded() {
        long now = System.nanoTime();
        until.values().removeIf(end -> end - now <= 0);
    }

    private static boolean hasCookie(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie cookie : cookies) {
                if (COOKIE.equals(cookie.getName())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static @Nullable String signedIn() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null || !authentication.isAuthenticated() || authentication instanceof AnonymousAuthenticationToken
                ? null : authentication.getName();
    }
}
