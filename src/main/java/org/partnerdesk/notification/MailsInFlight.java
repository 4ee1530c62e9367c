package org.partnerdesk.notification;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * Issue #11: the events whose mail this node is sending right now, so {@link OutboxRetry} never hands one of them back to
 * its listener while the first attempt may still succeed (that sent 2-3 of 10 mails twice after a hung server).
 */
@Component
class MailsInFlight {

    private final StoredEvents events;
    private final Map<String, Integer> sending = new ConcurrentHashMap<>();

    MailsInFlight(StoredEvents events) {
        this.events = events;
    }

    void start(Object cause) {
        sending.merge(events.identity(cause), 1, Integer::sum);
    }

    void finish(Object cause) {
        sending.computeIfPresent(events.identity(cause), (event, count) -> count == 1 ? null : count - 1);
    }

    boolean isSending(Object event) {
        return !sending.isEmpty() && sending.containsKey(events.identity(event));
    }
}
