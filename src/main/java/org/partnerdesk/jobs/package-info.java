/**
 * Background jobs on one database-backed scheduler (db-scheduler): a module declares its jobs as
 * {@code Task} beans (recurring scans, or one-time jobs it schedules through {@code SchedulerClient}); this
 * module runs them. Executions are rows in {@code scheduled_tasks}, so they survive restarts and each runs
 * on one node only.
 */
@NullMarked
@ApplicationModule(displayName = "Jobs", allowedDependencies = {"api", "console"})
package org.partnerdesk.jobs;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
