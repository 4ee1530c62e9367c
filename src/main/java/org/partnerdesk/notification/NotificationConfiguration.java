package org.partnerdesk.notification;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableAsync;

/** Listeners run after commit on their own threads, so intake does not wait for the mail server. */
@Configuration(proxyBeanMethods = false)
@EnableAsync
class NotificationConfiguration {
}
