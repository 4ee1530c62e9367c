package org.partnerdesk.ticket;

import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * NTF-1: a public comment was added; requester and CCs are to hear of it. Published inside the transaction that
 * stores the comment, so the event publication registry (the outbox) keeps it until a listener has handled it.
 * {@code deskReply} is the desk's own public reply posted with a new ticket (ENT-5/6/9), carried with the opening so
 * intake writes one outbox entry; {@code replyId} tells two equal replies apart, so each mail's Message-ID (derived from
 * the event) is its own.
 */
public record PublicReplyAdded(long ticketId, String subject, long authorId, String body, long requesterId,
                               List<Long> collaboratorIds, @Nullable String deskReply, UUID replyId) {

    public PublicReplyAdded {
        collaboratorIds = List.copyOf(collaboratorIds);
    }
}
