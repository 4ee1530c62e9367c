package org.partnerdesk.notification;

import org.springframework.modulith.events.core.EventSerializer;
import org.springframework.stereotype.Component;

/**
 * An event as the outbox stores it: equal for the event a listener is first called with and for the one a retry reads
 * back (the in-memory one may hold more, e.g. an Instant's nanoseconds that the stored JSON drops).
 */
@Component
class StoredEvents {

    private final EventSerializer serializer;

    StoredEvents(EventSerializer serializer) {
        this.serializer = serializer;
    }

    String identity(Object event) {
        return event.getClass().getName() + "\n" + serialized(event);
    }

    /** The text of the event_publication row's serialized_event. */
    String serialized(Object event) {
        return String.valueOf(serializer.serialize(event));
    }
}
