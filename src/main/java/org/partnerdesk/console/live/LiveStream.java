package org.partnerdesk.console.live;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.partnerdesk.api.Actor;
import org.partnerdesk.api.ApiException;
import org.partnerdesk.console.ConsolePage;
import org.partnerdesk.console.LiveAudience;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * UI-1 live updates: {@code GET /live/stream?ticket=12&queues}, one server-sent event stream per tab (browsers keep six
 * connections per site), named for htmx's SSE extension: {@code ticket-changed}, {@code presence}, {@code queue-changed}.
 */
@ConsolePage
class LiveStream {

    private final LiveStreams streams;
    private final List<LiveAudience> audiences;

    LiveStream(LiveStreams streams, List<LiveAudience> audiences) {
        this.streams = streams;
        this.audiences = audiences;
    }

    @GetMapping("/live/stream")
    SseEmitter stream(Actor actor, @RequestParam(required = false) @Nullable Long ticket,
                      @RequestParam(required = false) @Nullable String queues) {
        boolean followsQueues = queues != null;
        if (followsQueues) {
            actor.requireStaff(); // TKT-5: the queues are the agents'
        }
        if (ticket != null) {
            if (audiences.isEmpty()) {
                throw ApiException.notFound("Ticket " + ticket);
            }
            audiences.forEach(audience -> audience.checkMayFollowTicket(actor, ticket));
        }
        return streams.open(actor, ticket, followsQueues);
    }
}
