package org.partnerdesk.notification;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.mail.MessagingException;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Issue #11: {@code /actuator/health/mail}, the last check of the mail server, made on a background thread every
 * {@code partnerdesk.smtp.health-check-interval}. A health request only reads it, so a hung mail server never holds a
 * request worker; and the mail group is outside the overall status ({@link org.partnerdesk.api.OutsideOverallHealth}).
 */
class MailHealth implements HealthIndicator, InitializingBean, DisposableBean {

    private final @Nullable JavaMailSenderImpl server;
    private final MailDelivery delivery;
    private final Duration interval;
    private final Clock clock;
    private final ScheduledExecutorService checker = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "mail-health");
        thread.setDaemon(true);
        return thread;
    });
    private volatile Health last;

    MailHealth(@Nullable JavaMailSenderImpl server, MailDelivery delivery, Duration interval, Clock clock) {
        this.server = server;
        this.delivery = delivery;
        this.interval = interval;
        this.clock = clock;
        this.last = server == null ? Health.up().withDetail("mail", delivery.destination()).build()
                : Health.unknown().withDetail("mail", delivery.destination()).withDetail("checked_at", "not yet").build();
    }

    @Override
    public Health health() {
        return last;
    }

    /** Connects to the mail server once (bounded by the SMTP timeouts) and remembers the answer. */
    void check() {
        if (server == null) {
            return;
        }
        try {
            server.testConnection();
            last = Health.up().withDetail("mail", delivery.destination()).withDetail("checked_at", clock.instant().toString()).build();
        } catch (MessagingException | RuntimeException e) {
            last = Health.down().withDetail("mail", delivery.destination()).withDetail("checked_at", clock.instant().toString())
                    .withDetail("error", e.getClass().getSimpleName() + ": " + e.getMessage()).build();
        }
    }

    @Override
    public void afterPropertiesSet() {
        if (server != null) {
            checker.scheduleWithFixedDelay(this::check, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public void destroy() {
        checker.shutdownNow();
    }
}
