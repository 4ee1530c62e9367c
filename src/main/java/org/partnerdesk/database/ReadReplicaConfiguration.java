package org.partnerdesk.database;

import java.time.Duration;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.partnerdesk.api.OutsideOverallHealth;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue #18: {@link LagTolerantReads} always; the replica, its pool, lag check, health and the recent-writer filter only
 * with {@code PARTNERDESK_READ_REPLICA_URL} set. Unset, no second pool exists and every read stays on the primary.
 */
@Configuration(proxyBeanMethods = false)
class ReadReplicaConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ReadReplicaConfiguration.class);

    @Bean
    LagTolerantReads lagTolerantReads(JdbcClient primary, ObjectProvider<ReadReplica> replica) {
        return new LagTolerantReads(primary, replica.getIfAvailable());
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnExpression("!'${partnerdesk.read-replica.url:}'.isBlank()")
    static class WithReplica {

        @Bean
        RecentWriters recentWriters(@Value("${partnerdesk.read-replica.own-writes:5s}") Duration window) {
            return new RecentWriters(window);
        }

        // after Spring Security's chain (order -100), so the filter knows who is signed in
        @Bean
        FilterRegistrationBean<RecentWriters> recentWritersFilter(RecentWriters writers) {
            FilterRegistrationBean<RecentWriters> registration = new FilterRegistrationBean<>(writers);
            registration.setOrder(0);
            return registration;
        }

        @Bean(initMethod = "start", destroyMethod = "close")
        ReadReplica readReplica(@Value("${partnerdesk.read-replica.url}") String url,
                                @Value("${partnerdesk.read-replica.username:}") String username,
                                @Value("${partnerdesk.read-replica.password:}") String password,
                                @Value("${partnerdesk.read-replica.pool:3}") int size,
                                @Value("${partnerdesk.read-replica.max-lag:1s}") Duration tolerance,
                                @Value("${partnerdesk.bench.query-count:false}") boolean countQueries,
                                DataSource primary, RecentWriters writers) throws java.sql.SQLException {
            HikariDataSource pool = new HikariDataSource();
            pool.setPoolName("partnerdesk-replica");
            pool.setJdbcUrl(url);
            HikariDataSource primaryPool = primary.unwrap(HikariDataSource.class);
            // the primary's account unless the replica has its own
            pool.setUsername(username.isBlank() ? primaryPool.getUsername() : username);
            pool.setPassword(username.isBlank() && password.isBlank() ? primaryPool.getPassword() : password);
            pool.setMaximumPoolSize(size);
            pool.setMinimumIdle(1);
            pool.setReadOnly(true);
            pool.setConnectionTimeout(primaryPool.getConnectionTimeout());
            pool.setInitializationFailTimeout(-1); // a replica down at start-up is no reason not to start: reads use the primary
            log.info("Read replica: lag-tolerant reads go to {} while it is within {} of the primary", url, tolerance);
            return new ReadReplica(pool, countQueries, primary, tolerance, writers);
        }

        @Bean
        ReplicaHealth readReplicaHealthIndicator(ReadReplica replica, ObjectProvider<MeterRegistry> meters) {
            meters.ifAvailable(registry -> {
                Gauge.builder("partnerdesk.replica.lag", replica, r -> r.lag().lag() == null ? Double.NaN : r.lag().lag())
                        .baseUnit("seconds").description("Seconds the read replica is behind the primary (last check)")
                        .register(registry);
                Gauge.builder("partnerdesk.replica.in.use", replica, r -> r.lag().isInUse() ? 1 : 0)
                        .description("1 while lag-tolerant reads go to the read replica, 0 while they go to the primary")
                        .register(registry);
            });
            return new ReplicaHealth(replica);
        }

        // issue #18: without the replica the desk reads from the primary; its own group, added only with a replica
        @Bean
        static OutsideOverallHealth replicaOutsideOverallHealth() {
            return new OutsideOverallHealth(ReplicaHealth.NAME, ReplicaHealth.GROUP);
        }
    }
}
