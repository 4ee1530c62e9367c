package org.partnerdesk.api.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.tomcat.util.http.fileupload.InvalidFileNameException;
import org.jspecify.annotations.Nullable;
import org.partnerdesk.api.ApiException;
import org.partnerdesk.api.ErrorResponses;
import org.partnerdesk.api.StorableText;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tomcat refuses some multipart forms while it reads them, which the security chain's CSRF check does first, and its
 * exceptions left the desk as 500s: a file name with a NUL (a malformed request, 400) and text fields past the
 * connector's form size (a reply of 3 MB pasted into the composer, 413). Nothing was read or changed either way.
 */
@Component
@Order(-101) // around the security filter chain (-100), whose CSRF check reads the form first; after the UTF-8 filter
class MultipartFormRefusals extends OncePerRequestFilter {

    private final JsonMapper json;
    private final DataSize formText;

    MultipartFormRefusals(JsonMapper json, @Value("${server.tomcat.max-http-form-post-size:2MB}") DataSize formText) {
        this.json = json;
        this.formText = formText;
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
            ApiException refusal = refusal(e);
            if (refusal == null || response.isCommitted()) {
                throw e;
            }
            ErrorResponses.write(response, refusal, json);
        }
    }

    private @Nullable ApiException refusal(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof InvalidFileNameException) {
                return ApiException.badRequest("InvalidParameter", "A file's name " + StorableText.PROBLEM + "; rename the file and send it again.");
            }
            // Tomcat's words for its maxPostSize, which counts a multipart form's text fields (files have their own limit)
            if (cause instanceof IllegalStateException && cause.getMessage() != null && cause.getMessage().contains("maxPostSize")) {
                return new ApiException(413, "RequestEntityTooLarge", "The form's text is larger than the desk takes in one form ("
                        + formText.toMegabytes() + " MB); send a long log or text as an attached file instead.");
            }
        }
        return null;
    }
}
