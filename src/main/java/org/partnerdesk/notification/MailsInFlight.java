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

    private final Map<Object, Integer> sending = new ConcurrentHashMap<>();

    void start(Object cause) {
        sending.merge(cause, 1, Integer::sum);
    }

    void finish(Object cause) {
        sending.computeIfPresent(cause, (event, count) -> count == 1 ? null : count - 1);
    }

    boolean isSending(Object cause) {
        return sending.containsKey(cause);
    }
}
