package org.partnerdesk.mailbox.intake;

import org.jspecify.annotations.Nullable;

/** What became of one message: a new ticket, a comment on one, ignored (with why), or already processed before. */
public record Receipt(Outcome outcome, @Nullable Long ticketId, @Nullable String reason) {

    public enum Outcome {
        TICKET, COMMENT, IGNORED, DUPLICATE;

        String code() {
            return name().toLowerCase();
        }
    }
}
