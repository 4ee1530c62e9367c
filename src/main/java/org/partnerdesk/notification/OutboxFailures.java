package org.partnerdesk.notification;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.jspecify.annotations.Nullable;
import org.partnerdesk.notification.persistence.StoredOutbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.aop.Advisor;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.aop.support.annotation.AnnotationMatchingPointcut;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;
import org.springframework.core.Ordered;
import org.springframework.transaction.event.TransactionalApplicationListenerMethodAdapter;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * NTF-1, issue #16: keeps why an outbox listener (a mail, a chat webhook) failed, so the operations console can show it
 * next to the waiting message. Spring Modulith marks the publication failed but keeps no reason. This advice sits
 * outside Modulith's own (which runs at highest precedence + 10) and outside the listener's transaction
 * ({@link OutboxTransactions}, + 7), so it records the reason once that has rolled back, then rethrows it unchanged.
 */
@Configuration(proxyBeanMethods = false)
class OutboxFailures {

    private static final Logger log = LoggerFactory.getLogger(OutboxFailures.class);
    private static final int LONGEST_REASON = 1000;

    @Bean
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    static Advisor outboxFailureAdvisor(ObjectProvider<StoredOutbox> outbox, ObjectProvider<StoredEvents> events) {
        DefaultPointcutAdvisor advisor = new DefaultPointcutAdvisor(
                new AnnotationMatchingPointcut(null, TransactionalEventListener.class, true), new Recorder(outbox, events));
        advisor.setOrder(Ordered.HIGHEST_PRECEDENCE + 5);
        return advisor;
    }

    /** Records the failure of one listener call, then lets the exception go on to Modulith, which marks the publication failed. */
    static final class Recorder implements MethodInterceptor {

        private final ObjectProvider<StoredOutbox> outbox;
        private final ObjectProvider<StoredEvents> events;
        private final Map<Method, String> listenerIds = new ConcurrentHashMap<>();

        Recorder(ObjectProvider<StoredOutbox> outbox, ObjectProvider<StoredEvents> events) {
            this.outbox = outbox;
            this.events = events;
        }

        @Override
        public @Nullable Object invoke(MethodInvocation invocation) throws Throwable {
            try {
                return invocation.proceed();
            } catch (Throwable failure) {
                Object[] arguments = invocation.getArguments();
                if (arguments.length == 1 && arguments[0] != null) {
                    record(invocation.getMethod(), arguments[0], failure);
                }
                throw failure;
            }
        }

        private void record(Method method, Object event, Throwable failure) {
            try {
                // the listener id Modulith stores in event_publication.listener_id, worked out as Modulith does
                String listenerId = listenerIds.computeIfAbsent(method, m ->
                        new TransactionalApplicationListenerMethodAdapter("outbox", m.getDeclaringClass(), m).getListenerId());
                outbox.getObject().recordFailure(listenerId, events.getObject().serialized(event), reason(failure));
            } catch (RuntimeException e) { // the reason is a courtesy: never let it hide the failure itself
                log.warn("Could not keep why the {} listener failed: {}", method.getName(), e.toString());
            }
        }

        private static String reason(Throwable failure) {
            StringBuilder text = new StringBuilder();
            for (Throwable cause = failure; cause != null && text.length() < LONGEST_REASON; cause = cause.getCause()) {
                if (!text.isEmpty()) {
                    text.append(" — ");
                }
                text.append(cause.getClass().getSimpleName());
                if (cause.getMessage() != null) {
                    text.append(": ").append(cause.getMessage().strip());
                }
                if (cause.getCause() == cause) {
                    break;
                }
            }
            return text.length() <= LONGEST_REASON ? text.toString() : text.substring(0, LONGEST_REASON - 1) + "…";
        }
    }
}
