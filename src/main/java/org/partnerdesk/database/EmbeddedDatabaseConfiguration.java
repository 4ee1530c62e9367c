package org.partnerdesk.database;

import java.nio.file.Path;
import java.util.List;


import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Embedded mode: with no {@code spring.datasource.url}, the desk runs its own PostgreSQL under the data directory. */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedDatabaseConfiguration.NoExternalDatabase.class)
class EmbeddedDatabaseConfiguration {

    @Bean(destroyMethod = "close")
    LocalPostgres localPostgres(@Value("${partnerdesk.data-dir}") Path dataDir,
                                @Value("${partnerdesk.embedded.ephemeral:false}") boolean ephemeral,
                                @Value("${partnerdesk.embedded.server-settings:}") List<String> serverSettings) {
        Path clusterDir = ephemeral
                ? dataDir.resolve("pg-" + ProcessHandle.current().pid() + "-" + System.nanoTime())
                : dataDir.resolve("pg");
        return LocalPostgres.start(clusterDir, ephemeral, serverSettings);
    }

    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(LocalPostgres postgres) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(postgres.jdbcUrl());
        dataSource.setUsername(postgres.username());
        dataSource.setPoolName("partnerdesk");
        return dataSource;
    }

    static class NoExternalDatabase implements org.springframework.context.annotation.Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !context.getEnvironment().containsProperty("spring.datasource.url");
        }
    }

}
