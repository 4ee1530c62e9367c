package org.partnerdesk.ticket.ui;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.partnerdesk.ticket.TicketStatus;

/**
 * UI-1 the composer as the agent filled it in: public reply or internal note, the message, the status to submit as (empty:
 * keep the current one), the upload tokens of files already stored for it, whether to stay on the ticket after, and the ticket's {@code updated_at} the page
 * was loaded with. Kept whole when a save is refused, so nothing typed is lost.
 */
record ComposerForm(String kind, String body, String status, List<String> uploads, List<String> uploadNames, boolean stay,
                    String updatedAt) {

    static final List<String> STATUSES = List.of("open", "pending", "hold", "solved");

    ComposerForm {
        uploads = List.copyOf(uploads);
        uploadNames = List.copyOf(uploadNames);
    }

    static ComposerForm blank(String updatedAt) {
        return new ComposerForm("public", "", "", List.of(), List.of(), false, updatedAt);
    }

    public boolean isInternal() {
        return "internal".equals(kind);
    }

    @Nullable TicketStatus statusAsked() {
        return status.isEmpty() ? null : TicketStatus.of(status);
    }

    ComposerForm loadedAt(String newUpdatedAt) {
        return new ComposerForm(kind, body, status, uploads, uploadNames, stay, newUpdatedAt);
    }

    ComposerForm keeping(List<String> tokens, List<String> names) {
        return new ComposerForm(kind, body, status, tokens, names, stay, updatedAt);
    }

    /** The status as the select names it: "On-hold" for hold. */
    public static String label(String status) {
        return switch (status) {
            case "hold" -> "On-hold";
            case "new" -> "New";
            default -> Character.toUpperCase(status.charAt(0)) + status.substring(1);
        };
    }
}
