package org.partnerdesk.console;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.resource.ResourceUrlProvider;

/**
 * UI-1: a page's links to {@code /assets/...} and {@code /webjars/...} get their fingerprinted names; every other link is
 * left alone. Spring's ResourceUrlEncodingFilter looked each of a queue's hundred links up on the class path as a possible
 * static file (about half of the page's 50 ms at 1M tickets, docs/benchmarks.md).
 */
class FingerprintedLinks extends OncePerRequestFilter {

    private static final String[] ASSET_PREFIXES = {"/assets/", "/webjars/"};

    private final ResourceUrlProvider assets;
    // an asset's content, so its name, is fixed for the life of the jar; Boot's own webjars chain misses first and never caches that
    private final Map<String, Optional<String>> named = new ConcurrentHashMap<>();

    FingerprintedLinks(ResourceUrlProvider assets) {
        this.assets = assets;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String context = request.getContextPath();
        chain.doFilter(request, new HttpServletResponseWrapper(response) {
            @Override
            public String encodeURL(String url) {
                return fingerprinted(context, super.encodeURL(url));
            }
        });
    }

    String fingerprinted(String context, String url) {
        if (!url.startsWith(context) || !isAsset(url.substring(context.length()))) {
            return url;
        }
        int end = url.length();
        for (char suffix : new char[] {'?', '#'}) {
            int at = url.indexOf(suffix, context.length());
            if (at >= 0 && at < end) {
                end = at;
            }
        }
        String path = url.substring(context.length(), end);
        Optional<String> found = named.computeIfAbsent(path, asset -> Optional.ofNullable(assets.getForLookupPath(asset)));
        String rest = url.substring(end);
        return found.map(name -> context + name + rest).orElse(url);
    }

    private static boolean isAsset(String path) {
        for (String prefix : ASSET_PREFIXES) {
            if (path.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
