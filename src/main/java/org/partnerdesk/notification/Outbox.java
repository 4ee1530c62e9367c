package org.partnerdesk.notification;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.partnerdesk.api.Actor;
import org.partnerdesk.api.ApiException;
import org.partnerdesk.notification.persistence.StoredOutbox;
import org.springframework.stereotype.Service;

/**
 * NTF-1, issue #16: the outbox for admins: the notifications waiting or failing, newest first in keyset pages, and a retry
 * of one failed notification or of all of them through {@link OutboxRetry}, the code the retry job runs.
 */
@Service
public class Outbox {

    private final StoredOutbox stored;
    private final OutboxRetry retry;

    Outbox(StoredOutbox stored, OutboxRetry retry) {
        this.stored = stored;
        this.retry = retry;
    }

    /** One page of the outbox; {@code next} is the cursor of the page after it, null on the last. */
    public record Page(List<OutboxMessage> messages, @Nullable String next, int failed) {
    }

    public Page page(Actor actor, @Nullable String after, int size) {
        actor.requireAdmin();
        Instant afterDate = null;
        UUID afterId = null;
        if (after != null && !after.isBlank()) {
            String[] position = decode(after);
            afterDate = Instant.parse(position[0]);
            afterId = UUID.fromString(position[1]);
        }
        List<OutboxMessage> fetched = stored.page(afterDate, afterId, size + 1);
        List<OutboxMessage> shown = fetched.size() > size ? fetched.subList(0, size) : fetched;
        String next = fetched.size() > size ? encode(shown.getLast()) : null;
        return new Page(List.copyOf(shown), next, stored.countFailed());
    }

    /** Hands a failed notification back to its listener now; one in flight or already delivered is left alone. */
    public void retry(Actor actor, UUID publication) {
        actor.requireAdmin();
        retry.retryNow(publication);
    }

    public void retryAllFailed(Actor actor) {
        actor.requireAdmin();
        retry.retryNow();
    }

    private static String encode(OutboxMessage last) {
        String text = last.publishedAt() + "|" + last.id();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String[] decode(String cursor) {
        try {
            String[] position = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|", 2);
            if (position.length == 2) {
                Instant.parse(position[0]);
                UUID.fromString(position[1]);
                return position;
            }
        } catch (IllegalArgumentException | DateTimeException e) {
            // falls through to the refusal below
        }
        throw ApiException.badRequest("InvalidPaginationParameter", "page[after] is not a cursor this page gave out.");
    }
}
