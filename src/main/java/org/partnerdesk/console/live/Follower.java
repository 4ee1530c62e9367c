package org.partnerdesk.console.live;

import org.jspecify.annotations.Nullable;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** One browser tab's event stream and what it follows: a ticket, the queues, or both. */
final class Follower {

    private final SseEmitter emitter;
    private final long userId;
    private final boolean staff;
    private final @Nullable Long ticketId;
    private final boolean queues;
    /** The presence this tab shows, so an unchanged list is not sent again (a screen reader would read it again). */
    private volatile @Nullable String shownPresence;

    Follower(SseEmitter emitter, long userId, boolean staff, @Nullable Long ticketId, boolean queues) {
        this.emitter = emitter;
        this.userId = userId;
        this.staff = staff;
        this.ticketId = ticketId;
        this.queues = queues;
    }

    SseEmitter emitter() {
        return emitter;
    }

    long userId() {
        return userId;
    }

    boolean follows(long ticket) {
        return ticketId != null && ticketId == ticket;
    }

    /** UI-1 collision is for colleagues: a portal user following their request never learns which agent reads it. */
    boolean seesPresence() {
        return staff && ticketId != null;
    }

    @Nullable Long ticketId() {
        return ticketId;
    }

    boolean followsQueues() {
        return queues;
    }

    boolean isShowing(String presence) {
        return presence.equals(shownPresence);
    }

    void showing(String presence) {
        shownPresence = presence;
    }
}
