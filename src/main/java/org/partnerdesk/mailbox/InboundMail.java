package org.partnerdesk.mailbox;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.partnerdesk.api.StorableText;

/**
 * One message read from the mailbox, with what intake looks at: who sent it, what it says, what it answers, and the
 * headers that tell automatic mail from a person's (RFC 3834 Auto-Submitted, Precedence, an empty Return-Path), the Cc
 * addresses and the attached files.
 */
public record InboundMail(String messageId, @Nullable String from, String subject, String body, List<String> inReplyTo,
                          List<String> references, @Nullable String autoSubmitted, @Nullable String precedence,
                          @Nullable String returnPath, boolean hasAutoReplyHeader, boolean isDeliveryReport,
                          List<String> cc, List<MailAttachment> attachments) {

    // text the desk cannot store (a NUL, an unpaired surrogate) is dropped from what a mail says, so such a mail is
    // taken in like any other instead of failing at every poll (PO-6); a sender's text is not refused, it is cleaned
    public InboundMail {
        messageId = clean(messageId);
        from = StorableText.cleaned(from);
        subject = clean(subject);
        body = clean(body);
        autoSubmitted = StorableText.cleaned(autoSubmitted);
        precedence = StorableText.cleaned(precedence);
        returnPath = StorableText.cleaned(returnPath);
        inReplyTo = inReplyTo.stream().map(InboundMail::clean).toList();
        references = references.stream().map(InboundMail::clean).toList();
        cc = cc.stream().map(InboundMail::clean).toList();
        attachments = List.copyOf(attachments);
    }

    static String clean(String text) {
        String cleaned = StorableText.cleaned(text);
        return cleaned == null ? "" : cleaned;
    }

    /** The ids it answers, nearest first: In-Reply-To, then References from the newest. */
    public List<String> answers() {
        List<String> ids = new java.util.ArrayList<>(inReplyTo);
        ids.addAll(references.reversed());
        return ids.stream().distinct().toList();
    }
}
