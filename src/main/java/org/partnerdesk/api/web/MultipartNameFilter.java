package org.partnerdesk.api.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.tomcat.util.http.fileupload.InvalidFileNameException;
import org.partnerdesk.api.ApiException;
import org.partnerdesk.api.ErrorResponses;
import org.partnerdesk.api.StorableText;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * A multipart form whose file name holds a NUL is refused by Tomcat while it reads the form, which the security chain's
 * CSRF check does first: the exception left the desk as a 500. It is a malformed request, a 400, and nothing was read.
 */
@Component
@Order(-101) // around the security filter chain (-100), whose CSRF check reads the form first; after the UTF-8 filter
class MultipartNameFilter extends OncePerRequestFilter {

    private final JsonMapper json;

    MultipartNameFilter(JsonMapper json) {
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String type = request.getContentType();
        return type == null || !type.regionMatches(true, 0, "multipart/", 0, "multipart/".length());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (InvalidFileNameException | ServletException | IllegalStateException e) {
            if (!causedByFileName(e) || response.isCommitted()) {
                throw e;
            }
            ErrorResponses.write(response, ApiException.badRequest("InvalidParameter",
                    "A file's name " + StorableText.PROBLEM + "; rename the file and send it again."), json);
        }
    }

    private static boolean causedByFileName(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof InvalidFileNameException) {
                return true;
            }
        }
        return false;
    }
}
