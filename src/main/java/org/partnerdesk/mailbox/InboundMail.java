package org.partnerdesk.mailbox;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One message read from the mailbox, with what intake looks at: who sent it, what it says, what it answers, and the
 * headers that tell automatic mail from a person's (RFC 3834 Auto-Submitted, Precedence, an empty Return-Path), the Cc
 * addresses and the attached files.
 */
public record InboundMail(String messageId, @Nullable String from, String subject, String body, List<String> inReplyTo,
                          List<String> references, @Nullable String autoSubmitted, @Nullable String precedence,
                          @Nullable String returnPath, boolean hasAutoReplyHeader, boolean isDeliveryReport,
                          List<String> cc, List<MailAttachment> attachments) {

    public InboundMail {
        inReplyTo = List.copyOf(inReplyTo);
        references = List.copyOf(references);
        cc = List.copyOf(cc);
        attachments = List.copyOf(attachments);
    }

    /** The ids it answers, nearest first: In-Reply-To, then References from the newest. */
    public List<String> answers() {
        List<String> ids = new java.util.ArrayList<>(inReplyTo);
        ids.addAll(references.reversed());
        return ids.stream().distinct().toList();
    }
}
