package org.partnerdesk.partnerops.billing;

import java.time.Instant;

import javax.sql.DataSource;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;
import org.springframework.stereotype.Component;

/**
 * PO-5: the activation of a billing account is a one-time job on the job scheduler, one execution per account (its id is
 * the instance id), so it survives restarts and runs on one node. The job row is written in the transaction that creates
 * the account: both or neither, and the job never runs before the account is committed.
 */
@Component
public class ActivationSchedule {

    static final TaskDescriptor<Void> ACTIVATION = TaskDescriptor.of("billing-account-activation");

    private final SchedulerClient client;

    // a client of our own on the transaction-aware data source; the scheduler bean's own client writes outside the transaction
    ActivationSchedule(DataSource dataSource) {
        this.client = SchedulerClient.Builder.create(new TransactionAwareDataSourceProxy(dataSource)).build();
    }

    public void activateAt(long billingAccountId, Instant at) {
        client.scheduleIfNotExists(ACTIVATION.instance(Long.toString(billingAccountId)).scheduledTo(at));
    }
}
