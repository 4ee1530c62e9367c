package org.partnerdesk.api.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/** API-1: Zendesk paths answer with and without {@code .json}; the suffix is dropped before anything routes. */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class JsonSuffixFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String uri = request.getRequestURI();
        if (uri.startsWith(request.getContextPath() + "/api/") && uri.endsWith(".json")) {
            chain.doFilter(new WithoutSuffix(request), response);
        } else {
            chain.doFilter(request, response);
        }
    }

    private static final class WithoutSuffix extends HttpServletRequestWrapper {
        WithoutSuffix(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getRequestURI() {
            return strip(super.getRequestURI());
        }

        @Override
        public StringBuffer getRequestURL() {
            return new StringBuffer(strip(super.getRequestURL().toString()));
        }

        @Override
        public String getServletPath() {
            return strip(super.getServletPath());
        }

        private static String strip(String path) {
            return path.endsWith(".json") ? path.substring(0, path.length() - 5) : path;
        }
    }
}
