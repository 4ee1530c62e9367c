package org.partnerdesk.notification;

import java.lang.reflect.Method;
import java.util.Objects;
import java.util.Set;

import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.jspecify.annotations.Nullable;
import org.springframework.aop.Advisor;
import org.springframework.aop.support.AopUtils;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.aop.support.StaticMethodMatcherPointcut;
import org.springframework.aop.support.annotation.AnnotationMatchingPointcut;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;
import org.springframework.core.Ordered;
import org.springframework.modulith.events.core.EventPublicationRegistry;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * NTF-1, issue #19: an outbox listener's work and the completion of its event publication commit together, in one
 * transaction. Spring Modulith runs three, each waiting for its WAL flush: the claim of the publication, the listener's
 * work, the deletion of the publication; for a mailed intake they cost the database as much again as the intake itself.
 * <p>
 * Here the listener's transaction opens outside Modulith's completion advice (which runs at highest precedence + 10);
 * the listeners ({@link org.partnerdesk.api.OutboxListener}) have none of their own and run in it. Inside it the claim is skipped: the publication stays PUBLISHED
 * until done, which {@link OutboxRetry} treats as it treated PROCESSING. The completion joins the transaction, so the
 * publication is deleted exactly when the listener's work commits. A failure is marked, as before, by Modulith in a
 * transaction of its own; the listener's never touched the publication's row, so that one waits for nothing.
 */
@Configuration(proxyBeanMethods = false)
class OutboxTransactions {

    /** The name of a listener's transaction: only inside one is a publication's completion folded into it. */
    static final String LISTENER_TRANSACTION = "outbox-listener";

    @Bean
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    static Advisor outboxListenerTransaction(ObjectProvider<PlatformTransactionManager> transactions) {
        DefaultPointcutAdvisor advisor = new DefaultPointcutAdvisor(
                new AnnotationMatchingPointcut(null, TransactionalEventListener.class, true), new ListenerTransaction(transactions));
        advisor.setOrder(Ordered.HIGHEST_PRECEDENCE + 7);
        return advisor;
    }

    @Bean
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    static Advisor publicationStateInListenerTransaction() {
        DefaultPointcutAdvisor advisor = new DefaultPointcutAdvisor(new RegistryTransitions(), new FoldedTransitions());
        advisor.setOrder(Ordered.HIGHEST_PRECEDENCE); // before the registry's own REQUIRES_NEW
        return advisor;
    }

    /** Runs the listener, and Modulith's claim and completion around it, in one new transaction. */
    static final class ListenerTransaction implements MethodInterceptor {

        private final ObjectProvider<PlatformTransactionManager> transactions;
        private volatile @Nullable TransactionTemplate template;

        ListenerTransaction(ObjectProvider<PlatformTransactionManager> transactions) {
            this.transactions = transactions;
        }

        @Override
        public @Nullable Object invoke(MethodInvocation invocation) throws Throwable {
            try {
                return template().execute(status -> {
                    try {
                        return invocation.proceed();
                    } catch (RuntimeException | Error e) {
                        throw e;
                    } catch (Throwable checked) { // a checked failure rolls back too: nothing of a failed delivery is kept
                        throw new Failed(checked);
                    }
                });
            } catch (Failed failed) {
                throw Objects.requireNonNull(failed.getCause());
            }
        }

        private TransactionTemplate template() {
            TransactionTemplate current = template;
            if (current == null) {
                current = new TransactionTemplate(transactions.getObject());
                // new even when called in another transaction's after-commit phase, whose connection has committed
                current.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
                current.setName(LISTENER_TRANSACTION);
                template = current;
            }
            return current;
        }
    }

    /** Carries a listener's checked exception through the transaction template, which takes only unchecked ones. */
    private static final class Failed extends RuntimeException {

        Failed(Throwable cause) {
            super(cause);
        }
    }

    /** The registry's claim and completion, the two transitions folded into the listener's transaction. */
    static final class RegistryTransitions extends StaticMethodMatcherPointcut {

        private static final Set<String> FOLDED = Set.of("markProcessing", "markCompleted");

        @Override
        public boolean matches(Method method, Class<?> targetClass) {
            return EventPublicationRegistry.class.isAssignableFrom(targetClass) && FOLDED.contains(method.getName());
        }
    }

    /** Inside a listener's transaction: no claim, and the completion joins it rather than opening one of its own. */
    static final class FoldedTransitions implements MethodInterceptor {

        @Override
        public @Nullable Object invoke(MethodInvocation invocation) throws Throwable {
            if (!inListenerTransaction()) {
                return invocation.proceed();
            }
            if (invocation.getMethod().getName().equals("markProcessing")) {
                return null;
            }
            // the registry itself, without its REQUIRES_NEW advice: its repository joins the listener's transaction
            return AopUtils.invokeJoinpointUsingReflection(invocation.getThis(), invocation.getMethod(), invocation.getArguments());
        }

        private static boolean inListenerTransaction() {
            return TransactionSynchronizationManager.isActualTransactionActive()
                    && LISTENER_TRANSACTION.equals(TransactionSynchronizationManager.getCurrentTransactionName());
        }
    }
}
