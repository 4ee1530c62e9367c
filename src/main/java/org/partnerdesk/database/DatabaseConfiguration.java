package org.partnerdesk.database;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Settings of the connection pool that hold in both modes, embedded and external. */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    @Bean
    static ConnectTimeout connectTimeout(@Value("${partnerdesk.database.connect-timeout:3s}") Duration timeout) {
        return new ConnectTimeout(timeout);
    }
}
