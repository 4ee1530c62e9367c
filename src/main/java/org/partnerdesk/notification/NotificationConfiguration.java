package org.partnerdesk.notification;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Properties;

import org.jspecify.annotations.Nullable;
import org.partnerdesk.api.OutsideOverallHealth;
import org.partnerdesk.notification.persistence.StoredOutgoingMails;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.scheduling.annotation.EnableAsync;

/**
 * Listeners run after commit on their own threads, so intake does not wait for the mail server. Those threads are the
 * application task executor ({@code spring.task.execution.pool.*}, {@code PARTNERDESK_OUTBOX_THREADS}), apart from the
 * request workers (issue #11), and every SMTP connect, read and write is bounded, so a hung mail server holds a sending
 * thread for seconds, not for ever.
 */
@Configuration(proxyBeanMethods = false)
@EnableAsync
@EnableConfigurationProperties(SmtpSettings.class)
class NotificationConfiguration {

    @Bean
    @ConditionalOnExpression("!'${partnerdesk.smtp.host:}'.isBlank()")
    JavaMailSenderImpl mailSender(SmtpSettings smtp) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost(smtp.host());
        sender.setPort(smtp.port());
        sender.setUsername(smtp.username());
        sender.setPassword(smtp.password());
        sender.setDefaultEncoding("UTF-8");
        Properties properties = new Properties();
        properties.setProperty("mail.smtp.connectiontimeout", Long.toString(smtp.connectTimeout().toMillis()));
        properties.setProperty("mail.smtp.timeout", Long.toString(smtp.readTimeout().toMillis()));
        properties.setProperty("mail.smtp.writetimeout", Long.toString(smtp.writeTimeout().toMillis()));
        properties.setProperty("mail.smtp.auth", Boolean.toString(smtp.username() != null));
        properties.setProperty("mail.smtp.starttls.enable", Boolean.toString(smtp.starttls()));
        properties.setProperty("mail.smtp.starttls.required", Boolean.toString(smtp.starttls()));
        sender.setJavaMailProperties(properties);
        return sender;
    }

    @Bean
    MailDelivery mailDelivery(ObjectProvider<JavaMailSenderImpl> server, MailsInFlight inFlight, StoredOutgoingMails kept,
                              StoredEvents events, @Value("${partnerdesk.data-dir}") Path dataDir) {
        JavaMailSenderImpl sender = server.getIfAvailable();
        return sender != null ? new SmtpDelivery(sender, inFlight, events)
                : new MailFolder(OutgoingMails.keptMailFolder(dataDir), kept, events);
    }

    @Bean
    MailHealth smtpHealthIndicator(ObjectProvider<JavaMailSenderImpl> server, MailDelivery delivery, SmtpSettings smtp, Clock clock) {
        @Nullable JavaMailSenderImpl sender = server.getIfAvailable();
        return new MailHealth(sender, delivery, smtp.healthCheckInterval(), clock);
    }

    // issue #11: with the mail server down the desk still serves (mail waits in the outbox): its group is "mail"
    @Bean
    static OutsideOverallHealth mailOutsideOverallHealth() {
        return new OutsideOverallHealth("smtp", null);
    }
}
