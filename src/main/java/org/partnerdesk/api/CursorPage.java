package org.partnerdesk.api;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToLongFunction;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** One page of a list and the Zendesk body around it: root array, {@code meta}, absolute {@code links.next}. */
public record CursorPage<T>(List<T> items, boolean hasMore, @Nullable String afterCursor) {

    /** Trims a result fetched with {@link PageRequest#fetchSize()} to the page and remembers the cursor. */
    public static <T> CursorPage<T> of(List<T> fetched, PageRequest request, ToLongFunction<T> id) {
        boolean hasMore = fetched.size() > request.size();
        List<T> items = hasMore ? fetched.subList(0, request.size()) : fetched;
        String cursor = items.isEmpty() ? null : PageRequest.encode(id.applyAsLong(items.getLast()));
        return new CursorPage<>(List.copyOf(items), hasMore, cursor);
    }

    /** The same for a keyset page: the cursor is the last row's sort key and id. */
    public static <T> CursorPage<T> of(List<T> fetched, KeysetRequest request, Function<T, KeysetRequest.Position> position) {
        boolean hasMore = fetched.size() > request.size();
        List<T> items = hasMore ? fetched.subList(0, request.size()) : fetched;
        String cursor = items.isEmpty() ? null : KeysetRequest.encode(position.apply(items.getLast()));
        return new CursorPage<>(List.copyOf(items), hasMore, cursor);
    }

    /** {@code meta} of a page body (API-1). */
    public record Meta(boolean hasMore, @Nullable String afterCursor, @Nullable String beforeCursor) {
    }

    /** {@code links} of a page body (API-1): absolute URLs. */
    public record Links(@Nullable String next, @Nullable String prev) {
    }

    /** A resource's list record, made of its root array, {@code meta}, {@code links} and {@code next_page} in that order. */
    @FunctionalInterface
    public interface Body<R, B> {
        B of(List<R> items, Meta meta, Links links, @Nullable String nextPage);
    }

    /** The page as the resource's typed list record, so the OpenAPI description names its shape (#13). */
    public <R, B> B body(Function<T, R> shape, HttpServletRequest request, Body<R, B> body) {
        String next = hasMore && afterCursor != null ? linkAfter(afterCursor, request) : null;
        return body.of(items.stream().map(shape).toList(), new Meta(hasMore, afterCursor, null), new Links(next, null), next);
    }

    private static String linkAfter(String cursor, HttpServletRequest request) {
        StringBuilder query = new StringBuilder();
        request.getParameterMap().forEach((name, values) -> {
            if (!name.equals("page[after]")) {
                for (String value : values) {
                    append(query, name, value);
                }
            }
        });
        append(query, "page[after]", cursor);
        return ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString()
                + request.getRequestURI().substring(request.getContextPath().length()) + "?" + query;
    }

    private static void append(StringBuilder query, String name, String value) {
        if (!query.isEmpty()) {
            query.append('&');
        }
        query.append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
    }
}
