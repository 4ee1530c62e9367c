package org.partnerdesk.mailbox;

import org.jspecify.annotations.Nullable;
import org.springframework.core.io.InputStreamSource;

/** A file attached to an inbound mail: its name as the sender's client wrote it, its declared type, and its decoded bytes. */
public record MailAttachment(String fileName, @Nullable String contentType, InputStreamSource content) {
}
