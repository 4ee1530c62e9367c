package org.partnerdesk.ticket.ui;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.partnerdesk.directory.User;
import org.partnerdesk.ticket.Audit;

/** UI-1 one audit (TKT-1) in words: who, when, and each change with its reason. */
record HistoryEntry(String author, String when, List<String> lines) {

    private static final int QUOTED = 200;

    static HistoryEntry of(Audit audit, @Nullable User author) {
        List<String> lines = new ArrayList<>();
        for (Audit.Event event : audit.events()) {
            lines.add(line(event));
        }
        return new HistoryEntry(author == null ? "user " + audit.authorId() : author.name(), ConversationEntry.shown(audit.createdAt()), lines);
    }

    private static String line(Audit.Event event) {
        String reason = event.reason() == null || event.reason().isBlank() || "public".equals(event.reason()) || "internal".equals(event.reason())
                ? "" : " (" + event.reason() + ")";
        if ("Comment".equals(event.type())) {
            String kind = "internal".equals(event.reason()) ? "Internal note" : "Public reply";
            return kind + ": " + quoted(String.valueOf(event.value()));
        }
        String field = event.fieldName().replace('_', ' ');
        if ("Create".equals(event.type())) {
            return field + " set to " + shown(event.value()) + reason;
        }
        return field + " changed from " + shown(event.previousValue()) + " to " + shown(event.value()) + reason;
    }

    private static String shown(@Nullable Object value) {
        return value == null || "".equals(value) ? "(none)" : quoted(String.valueOf(value));
    }

    private static String quoted(String text) {
        String line = text.strip().replaceAll("\\s+", " ");
        return line.length() > QUOTED ? line.substring(0, QUOTED) + "…" : line;
    }
}
