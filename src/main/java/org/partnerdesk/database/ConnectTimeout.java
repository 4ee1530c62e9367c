package org.partnerdesk.database;

import java.time.Duration;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Issue #11 item 7: how long a request waits for a database connection before it answers 503
 * ({@code PARTNERDESK_DB_CONNECT_TIMEOUT}, default 3 s; Hikari's own default of 30 s held every worker through an outage).
 * Applied to the pool of either mode, embedded or external.
 */
final class ConnectTimeout implements BeanPostProcessor {

    private static final Duration SMALLEST = Duration.ofMillis(250); // Hikari refuses less

    private final Duration timeout;

    ConnectTimeout(Duration timeout) {
        this.timeout = timeout.compareTo(SMALLEST) < 0 ? SMALLEST : timeout;
    }

    // before initialization: the pool is still itself, not yet wrapped by another post-processor (QueryCounting)
    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource pool) {
            pool.setConnectionTimeout(timeout.toMillis());
        }
        return bean;
    }
}
