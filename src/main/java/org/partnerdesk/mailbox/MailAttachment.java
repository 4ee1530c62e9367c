package org.partnerdesk.mailbox;

import org.jspecify.annotations.Nullable;
import org.partnerdesk.api.StorableText;
import org.springframework.core.io.InputStreamSource;

/** A file attached to an inbound mail: its name as the sender's client wrote it, its declared type, and its decoded bytes. */
public record MailAttachment(String fileName, @Nullable String contentType, InputStreamSource content) {

    // as InboundMail: a name or type the desk cannot store is cleaned, so the file is judged (and noted) like any other
    public MailAttachment {
        fileName = InboundMail.clean(fileName);
        contentType = StorableText.cleaned(contentType);
    }
}
