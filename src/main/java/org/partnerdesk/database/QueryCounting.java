package org.partnerdesk.database;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;

/**
 * Issue #14: {@code partnerdesk.bench.query-count=true} (off by default) counts the SQL statements and the server time of
 * each request and sends them as response headers, for bench/pages.sh. Off, none of this is in the context: the pool is
 * not wrapped and no filter runs, so it costs nothing.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "partnerdesk.bench.query-count", havingValue = "true")
class QueryCounting {

    /** Issue #19: {@code partnerdesk.bench.sql-labels=true} also labels each statement with its thread, for bench/ceiling.sh. */
    @Bean
    static BeanPostProcessor countingDataSource(Environment environment) {
        boolean labelled = environment.getProperty("partnerdesk.bench.sql-labels", Boolean.class, false);
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof DataSource pool && !(bean instanceof CountingDataSource) ? new CountingDataSource(pool, labelled) : bean;
            }
        };
    }

    @Bean
    FilterRegistrationBean<RequestCost> requestCost() {
        FilterRegistrationBean<RequestCost> registration = new FilterRegistrationBean<>(new RequestCost());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }
}
