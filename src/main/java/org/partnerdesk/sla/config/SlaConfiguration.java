package org.partnerdesk.sla.config;

import org.partnerdesk.sla.domain.BusinessCalendar;
import org.partnerdesk.sla.domain.SlaTargets;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The SLA settings turned into the pure calendar and targets (TKT-4). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SlaSettings.class)
class SlaConfiguration {

    @Bean
    BusinessCalendar businessCalendar(SlaSettings settings) {
        return settings.calendar();
    }

    @Bean
    SlaTargets slaTargets(SlaSettings settings) {
        return settings.targets();
    }
}
