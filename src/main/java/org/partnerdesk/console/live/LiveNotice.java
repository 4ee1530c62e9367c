package org.partnerdesk.console.live;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * UI-1 live updates: what one PostgreSQL notice says, as small JSON ({@code {"topic":"ticket","ticket":12,"by":3}}):
 * a topic and ids, never content, so nothing a browser may not see travels through the channel.
 */
public record LiveNotice(Topic topic, long ticketId, long by) {

    /** What changed. */
    public enum Topic {
        /** A ticket was changed by {@code by}: its page is stale for others, queue counts may have moved. */
        TICKET_CHANGED("ticket"),
        /** A ticket was opened: queue counts may have moved. */
        TICKET_CREATED("created"),
        /** Someone arrived on, typed on or left a ticket. */
        PRESENCE("presence"),
        /** A partner-operations request came in or was decided: the operations console's inbox counts may have moved. */
        INBOXES("inboxes");

        private final String code;

        Topic(String code) {
            this.code = code;
        }

        static Topic of(String code) {
            for (Topic topic : values()) {
                if (topic.code.equals(code)) {
                    return topic;
                }
            }
            throw new IllegalArgumentException("no live topic " + code);
        }
    }

    public static LiveNotice ticketChanged(long ticketId, long by) {
        return new LiveNotice(Topic.TICKET_CHANGED, ticketId, by);
    }

    public static LiveNotice ticketCreated(long ticketId) {
        return new LiveNotice(Topic.TICKET_CREATED, ticketId, 0);
    }

    public static LiveNotice inboxesChanged() {
        return new LiveNotice(Topic.INBOXES, 0, 0);
    }

    public static LiveNotice presence(long ticketId) {
        return new LiveNotice(Topic.PRESENCE, ticketId, 0);
    }

    public String json() {
        return "{\"topic\":\"" + topic.code + "\",\"ticket\":" + ticketId + (by == 0 ? "" : ",\"by\":" + by) + "}";
    }

    static LiveNotice parse(JsonMapper json, String payload) {
        JsonNode notice = json.readTree(payload);
        return new LiveNotice(Topic.of(notice.path("topic").asString()), notice.path("ticket").asLong(), notice.path("by").asLong());
    }
}
