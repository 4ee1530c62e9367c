package org.partnerdesk.ticket;

import java.util.List;

/**
 * NTF-1: a public comment was added; requester and CCs are to hear of it. Published inside the transaction that
 * stores the comment, so the event publication registry (the outbox) keeps it until a listener has handled it.
 */
public record PublicReplyAdded(long ticketId, String subject, long authorId, String body, long requesterId,
                               List<Long> collaboratorIds) {

    public PublicReplyAdded {
        collaboratorIds = List.copyOf(collaboratorIds);
    }
}
