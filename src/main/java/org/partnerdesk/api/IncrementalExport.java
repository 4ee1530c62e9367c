package org.partnerdesk.api;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * Zendesk's incremental exports (issue #17): what changed since a time, oldest change first, by (changed at, id) with a
 * keyset, so each page is one index range scan however long the export. Two ways to page, as Zendesk has them:
 * cursor-based ({@code after_cursor}, no duplicates) and time-based ({@code start_time=end_time}, the last second of a
 * page may come again). Changes of the last {@link #SETTLE} are left for the next poll: a change stamped with its
 * transaction's start may commit after a later one, and a cursor already past it would miss it for good.
 *
 * @param startTime the {@code start_time} as given (Unix seconds), or null
 * @param cursor    the {@code cursor} as given (one this API gave out as {@code after_cursor}), or null
 * @param perPage   the {@code per_page} as given, or null for {@link #MAX_PAGE}
 */
public record IncrementalExport(@Nullable String startTime, @Nullable String cursor, @Nullable String perPage) {

    public static final int MAX_PAGE = 1000;
    public static final Duration SETTLE = Duration.ofMinutes(1);
    /** A time-based page grows past its size only when that many changes share one second; this bounds even that. */
    static final int MAX_SAME_SECOND = 100_000;
    private static final String PREFIX = "ix:";

    /** Where a page ended: the last item's change time and id. */
    public record Position(Instant at, long id) {
    }

    /** What a page's items are read with: those after {@code after}, changed before {@code before}, oldest first. */
    @FunctionalInterface
    public interface Source<T> {
        List<T> changed(Position after, Instant before, int limit);
    }

    /** One cursor-based page: {@code afterCursor} resumes after it, also once the stream has ended (the next poll). */
    public record CursorPage<T>(List<T> items, String afterCursor, @Nullable String beforeCursor, boolean endOfStream) {
    }

    /** One time-based page: the next asks from {@code endTime} (Unix seconds). */
    public record TimePage<T>(List<T> items, long endTime, boolean endOfStream) {
    }

    /** Cursor-based: from {@code cursor}, else from {@code start_time}; one of them is required. */
    public <T> CursorPage<T> byCursor(Clock clock, Source<T> source, Function<T, Position> position) {
        int size = size();
        Position after = cursor != null && !cursor.isBlank() ? decode(cursor) : startPosition(clock);
        List<T> fetched = source.changed(after, settled(clock), size + 1);
        boolean end = fetched.size() <= size;
        List<T> items = end ? fetched : fetched.subList(0, size);
        Position last = items.isEmpty() ? after : position.apply(items.getLast());
        String before = items.isEmpty() ? null : encode(before(position.apply(items.getFirst())));
        return new CursorPage<>(List.copyOf(items), encode(last), before, end);
    }

    /**
     * Time-based: the changes from {@code start_time}; {@code end_time} is the second of the page's last change, so the
     * next page starts there and may repeat that second (as Zendesk's). A full page all in its first second would start
     * the next page where it began: that second is then given whole, and the next page starts after it.
     */
    public <T> TimePage<T> byTime(Clock clock, Source<T> source, Function<T, Position> position) {
        int size = size();
        Position from = startPosition(clock);
        long start = from.at().getEpochSecond();
        Instant settled = settled(clock);
        List<T> fetched = source.changed(from, settled, size + 1);
        if (fetched.size() <= size) {
            long end = fetched.isEmpty() ? start : position.apply(fetched.getLast()).at().getEpochSecond();
            return new TimePage<>(List.copyOf(fetched), end, true);
        }
        List<T> items = new ArrayList<>(fetched.subList(0, size));
        Position last = position.apply(items.getLast());
        long end = last.at().getEpochSecond();
        if (end == start) {
            Instant nextSecond = Instant.ofEpochSecond(start + 1);
            items.addAll(source.changed(last, nextSecond.isBefore(settled) ? nextSecond : settled, MAX_SAME_SECOND));
            end = start + 1;
        }
        return new TimePage<>(items, end, false);
    }

    /** Time-based only: a cursor belongs to the cursor-based export. */
    public IncrementalExport withoutCursor() {
        return new IncrementalExport(startTime, null, perPage);
    }

    private static Instant settled(Clock clock) {
        return clock.instant().minus(SETTLE);
    }

    // the position just before a change, for the (informational) cursor of a page's start
    private static Position before(Position first) {
        return first.id() > 0 ? new Position(first.at(), first.id() - 1) : new Position(first.at().minus(1, ChronoUnit.MICROS), Long.MAX_VALUE);
    }

    private Position startPosition(Clock clock) {
        if (startTime == null || startTime.isBlank()) {
            throw ApiException.badRequest("InvalidParameter", "start_time is required: the Unix time (seconds) to export changes from"
                    + (cursor == null ? "" : ", or cursor= with an after_cursor this API gave out") + ".");
        }
        long seconds;
        try {
            seconds = Long.parseLong(startTime.strip());
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("InvalidParameter", "start_time must be a Unix time in whole seconds, such as 1735689600.");
        }
        if (seconds < 0) {
            throw ApiException.invalid("start_time", "invalid_value", "must be 0 or later (Unix seconds)");
        }
        if (seconds > clock.instant().getEpochSecond()) {
            throw ApiException.invalid("start_time", "invalid_value", "is in the future: ask for changes from a time that has passed");
        }
        // (start, id 0): every change at or after the start second, ids being positive
        return new Position(Instant.ofEpochSecond(seconds), 0);
    }

    private int size() {
        if (perPage == null || perPage.isBlank()) {
            return MAX_PAGE;
        }
        try {
            int value = Integer.parseInt(perPage.strip());
            if (value >= 1 && value <= MAX_PAGE) {
                return value;
            }
        } catch (NumberFormatException e) {
            // falls through to the refusal below
        }
        throw ApiException.badRequest("InvalidPaginationParameter", "per_page must be a whole number from 1 to " + MAX_PAGE + ".");
    }

    static String encode(Position position) {
        long micros = ChronoUnit.MICROS.between(Instant.EPOCH, position.at());
        return Base64.getUrlEncoder().withoutPadding().encodeToString((PREFIX + micros + ":" + position.id()).getBytes(StandardCharsets.UTF_8));
    }

    static Position decode(String cursor) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor.strip()), StandardCharsets.UTF_8);
            if (text.startsWith(PREFIX)) {
                String[] parts = text.substring(PREFIX.length()).split(":", -1);
                if (parts.length == 2) {
                    Instant at = Instant.EPOCH.plus(Long.parseLong(parts[0]), ChronoUnit.MICROS);
                    if (SupportedDates.contains(at)) {
                        return new Position(at, Long.parseLong(parts[1]));
                    }
                }
            }
        } catch (IllegalArgumentException | ArithmeticException | java.time.DateTimeException e) {
            // falls through to the refusal below
        }
        throw ApiException.badRequest("InvalidPaginationParameter", "cursor is not an after_cursor this API gave out.");
    }
}
