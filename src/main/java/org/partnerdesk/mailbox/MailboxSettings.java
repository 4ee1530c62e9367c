package org.partnerdesk.mailbox;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code partnerdesk.mailbox.*} (PO-6): the IMAP account of the partner support address. Without a host the mailbox is
 * off. {@code address} is the support address itself (default: the user, when it is an address): mail from it is a loop.
 */
@ConfigurationProperties("partnerdesk.mailbox")
public record MailboxSettings(@Nullable String host, @Nullable Integer port, boolean ssl, @Nullable String user,
                              @Nullable String password, @Nullable String folder, @Nullable String address,
                              @Nullable Duration pollInterval, @Nullable Integer batchSize) {

    public MailboxSettings {
        folder = folder == null || folder.isBlank() ? "INBOX" : folder.strip();
        pollInterval = pollInterval == null ? Duration.ofMinutes(1) : pollInterval;
        batchSize = batchSize == null ? 50 : batchSize;
        address = address != null && !address.isBlank() ? address.strip()
                : user != null && user.contains("@") ? user.strip() : null;
    }

    public boolean isConfigured() {
        return host != null && !host.isBlank();
    }

    public int portOrDefault() {
        return port != null ? port : ssl ? 993 : 143;
    }

    /** How the messages' origin is recorded: user, host and folder. */
    public String name() {
        return (user == null ? "" : user + "@") + host + "/" + folder;
    }
}
