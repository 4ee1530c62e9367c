package org.partnerdesk.notification;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Listeners run after commit on their own threads, so intake does not wait for the mail server. */
@Configuration(proxyBeanMethods = false)
@EnableAsync
@EnableScheduling
class NotificationConfiguration {
}
