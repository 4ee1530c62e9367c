package org.partnerdesk.notification;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code partnerdesk.smtp.*} (NTF-1, issue #11, #12): the mail server. Without a host, mail is kept on disk instead
 * ({@link MailFolder}). The timeouts bound every connect, read and write, so a hung server never holds a thread.
 */
@ConfigurationProperties("partnerdesk.smtp")
record SmtpSettings(@Nullable String host, @Nullable Integer port, @Nullable String username, @Nullable String password,
                    boolean starttls, @Nullable Duration connectTimeout, @Nullable Duration readTimeout,
                    @Nullable Duration writeTimeout, @Nullable Duration healthCheckInterval) {

    SmtpSettings {
        host = host == null || host.isBlank() ? null : host.strip();
        port = port == null ? 587 : port;
        username = username == null || username.isBlank() ? null : username.strip();
        password = password == null || password.isEmpty() ? null : password;
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(5) : connectTimeout;
        readTimeout = readTimeout == null ? Duration.ofSeconds(10) : readTimeout;
        writeTimeout = writeTimeout == null ? Duration.ofSeconds(10) : writeTimeout;
        healthCheckInterval = healthCheckInterval == null ? Duration.ofMinutes(1) : healthCheckInterval;
    }

    boolean isConfigured() {
        return host != null;
    }
}
