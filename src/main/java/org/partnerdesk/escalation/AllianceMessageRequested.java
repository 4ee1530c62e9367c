package org.partnerdesk.escalation;

/** TKT-8: a message for an alliance partner's chat channel, kept in the outbox until the webhook took it. */
public record AllianceMessageRequested(long ticketId, String partner, String allianceTicketId, String kind, String text,
                                       String webhookUrl) {
}
