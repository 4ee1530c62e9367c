package org.partnerdesk.api.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.partnerdesk.api.ApiException;
import org.partnerdesk.api.ErrorResponses;
import org.partnerdesk.api.StorableText;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Query parameters are text entering the desk like JSON bodies: one that is not UTF-8 ({@code %ff%fe}) or holds a NUL
 * ({@code %00}) is a 400 naming it, checked once here instead of in every search, filter and lookup that binds it.
 */
@Component
@Order(-90) // after the security filter chain (-100): who may call comes first, as everywhere
class QueryTextFilter extends OncePerRequestFilter {

    private final JsonMapper json;

    QueryTextFilter(JsonMapper json) {
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getQueryString() == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<ApiException> refusal = refusal(request.getQueryString());
        if (refusal.isPresent()) {
            ErrorResponses.write(response, refusal.get(), json);
            return;
        }
        chain.doFilter(request, response);
    }

    static Optional<ApiException> refusal(String query) {
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            String rawName = equals < 0 ? pair : pair.substring(0, equals);
            Optional<String> name = decoded(rawName);
            Optional<String> value = equals < 0 ? Optional.of("") : decoded(pair.substring(equals + 1));
            String shownName = name.filter(StorableText::isStorable).orElse(rawName);
            if (name.isEmpty() || value.isEmpty()) {
                return Optional.of(refused(shownName, "invalid_encoding", "is not percent-encoded UTF-8"));
            }
            if (!StorableText.isStorable(name.get()) || !StorableText.isStorable(value.get())) {
                return Optional.of(refused(shownName, "invalid_character", StorableText.PROBLEM));
            }
        }
        return Optional.empty();
    }

    /** Percent-decoding as a form does ({@code +} is a space), refusing broken escapes and bytes that are not UTF-8. */
    private static Optional<String> decoded(String raw) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length() || !HexFormat.isHexDigit(raw.charAt(i + 1)) || !HexFormat.isHexDigit(raw.charAt(i + 2))) {
                    return Optional.empty();
                }
                bytes.write(HexFormat.fromHexDigits(raw, i + 1, i + 3));
                i += 2;
            } else if (c == '+') {
                bytes.write(' ');
            } else {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray())).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    private static ApiException refused(String parameter, String error, String problem) {
        return new ApiException(400, "InvalidParameter", "Parameter " + parameter + " " + problem + ".",
                Map.of(parameter, List.of(new ApiException.FieldError(problem, error))));
    }
}
