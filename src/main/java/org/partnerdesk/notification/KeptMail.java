package org.partnerdesk.notification;

import java.time.Instant;
import java.util.List;

/** Issue #12: one mail kept because no mail server is set; {@code fileName} is its .eml in the kept-mail folder. */
public record KeptMail(long id, String messageId, String from, List<String> to, List<String> cc, String subject, String body,
                       String fileName, Instant createdAt) {

    public KeptMail {
        to = List.copyOf(to);
        cc = List.copyOf(cc);
    }
}
