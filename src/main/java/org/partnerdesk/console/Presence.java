package org.partnerdesk.console;

import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;

import org.partnerdesk.console.live.LiveNotice;
import org.partnerdesk.console.persistence.LiveChannel;
import org.partnerdesk.console.persistence.StoredPresence;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * UI-1 collision: who is on a ticket ("Sue is viewing", "Sue is replying"), in PostgreSQL so every node shows the same.
 * A ticket page reports about every 20 s; a person not heard of for {@link #FORGOTTEN_AFTER} is gone (a closed laptop
 * sends no goodbye).
 */
@Service
public class Presence {

    public static final Duration FORGOTTEN_AFTER = Duration.ofSeconds(45);

    /** What a person on a ticket is doing. */
    public enum State {
        VIEWING("viewing"), REPLYING("replying");

        private final String code;

        State(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }

        public static State of(String code) {
            return code.equals("replying") ? REPLYING : VIEWING;
        }
    }

    /** Someone on a ticket, as colleagues read it. */
    public record Present(long ticketId, long userId, String name, State state) {

        public String describe() {
            return name + " is " + state.code();
        }
    }

    private final StoredPresence stored;
    private final LiveChannel channel;
    private final Clock clock;

    Presence(StoredPresence stored, LiveChannel channel, Clock clock) {
        this.stored = stored;
        this.channel = channel;
        this.clock = clock;
    }

    /** The caller has checked that this person may see the ticket. */
    @Transactional
    public void seen(long ticketId, long userId, State state) {
        stored.seen(ticketId, userId, state, clock.instant());
        channel.send(LiveNotice.presence(ticketId).json());
    }

    @Transactional
    public void gone(long ticketId, long userId) {
        stored.gone(ticketId, userId);
        channel.send(LiveNotice.presence(ticketId).json());
    }

    /** Everyone on the ticket but {@code userId}, by name. */
    public List<Present> othersOn(long ticketId, long userId) {
        return on(List.of(ticketId)).stream().filter(present -> present.userId() != userId).toList();
    }

    /** Everyone on these tickets, in one query (a node refreshes all the tickets its browsers watch at once). */
    public List<Present> on(Collection<Long> ticketIds) {
        return ticketIds.isEmpty() ? List.of() : stored.seenSince(ticketIds, clock.instant().minus(FORGOTTEN_AFTER));
    }

    /** Rows of people long gone; any node may sweep them. */
    public void forgetTheGone() {
        stored.forgetOlderThan(clock.instant().minus(FORGOTTEN_AFTER.multipliedBy(10)));
    }
}
