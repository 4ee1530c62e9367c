package org.partnerdesk.jobs;

import java.time.Duration;
import java.util.List;

import javax.sql.DataSource;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

/**
 * Runs every {@link Task} bean of the application. Started once the application is ready (migrations have run
 * and demo data is in), stopped before the data source closes.
 */
@Configuration(proxyBeanMethods = false)
class JobScheduler {

    @Bean(destroyMethod = "")
    Scheduler scheduler(DataSource dataSource, List<Task<?>> tasks, NodeName node,
            @Value("${partnerdesk.jobs.threads:2}") int threads,
            @Value("${partnerdesk.jobs.polling-interval:PT2S}") Duration pollingInterval) {
        // recurring tasks are registered by startTasks, which schedules them on start; the others are only known
        List<RecurringTask<?>> recurring = tasks.stream().filter(RecurringTask.class::isInstance).<RecurringTask<?>>map(RecurringTask.class::cast).toList();
        List<Task<?>> oneTime = tasks.stream().filter(task -> !(task instanceof RecurringTask)).toList();
        return Scheduler.create(dataSource, oneTime)
                .startTasks(recurring)
                // issue #11 item 8: picked_by names the node (host:port/id), not only the host two nodes may share
                .schedulerName(node::value)
                .threads(threads)
                .pollingInterval(pollingInterval)
                .enableImmediateExecution()
                .build();
    }

    @Bean
    SchedulerLifecycle schedulerLifecycle(Scheduler scheduler, NodeName node) {
        return new SchedulerLifecycle(scheduler, node);
    }

    /** Starts with the application; stops early in shutdown so running jobs finish before the pool closes. */
    static final class SchedulerLifecycle implements SmartLifecycle {

        private static final Logger log = LoggerFactory.getLogger(SchedulerLifecycle.class);

        private final Scheduler scheduler;
        private final NodeName node;
        private volatile boolean running;

        SchedulerLifecycle(Scheduler scheduler, NodeName node) {
            this.scheduler = scheduler;
            this.node = node;
        }

        @EventListener(ApplicationReadyEvent.class)
        void ready() {
            if (!running) {
                scheduler.start();
                running = true;
                log.info("PartnerDesk node {} started (the name its jobs carry in scheduled_tasks.picked_by)", node);
            }
        }

        @Override
        public void start() {
            // started on ApplicationReadyEvent, after start-up data is in place
        }

        @Override
        public void stop() {
            if (running) {
                scheduler.stop();
                running = false;
            }
        }

        @Override
        public boolean isRunning() {
            return running;
        }

        // a db-scheduler Scheduler cannot start again once stopped: a paused (test) context keeps its node running
        @Override
        public boolean isPauseable() {
            return false;
        }
    }
}
