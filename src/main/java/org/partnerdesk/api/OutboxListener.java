package org.partnerdesk.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.scheduling.annotation.Async;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * NTF-1: a listener that delivers something once the transaction that published its event commits (a mail, a webhook
 * call), on the outbox threads, retried until it succeeds. Spring Modulith's {@code @ApplicationModuleListener} without
 * its own transaction: issue #19, the notification module opens one around the listener and the completion of its
 * event publication, so both commit together (one transaction where Modulith runs three).
 */
@Async
@TransactionalEventListener
@Documented
@Target({ ElementType.METHOD, ElementType.ANNOTATION_TYPE })
@Retention(RetentionPolicy.RUNTIME)
public @interface OutboxListener {
}
