package org.partnerdesk.escalation;

/** TKT-8, UI-1 (#16): what became of a test message to an alliance partner's chat channel, in words for the admin. */
public record ChannelTest(String channel, boolean isDelivered, String outcome) {
}
