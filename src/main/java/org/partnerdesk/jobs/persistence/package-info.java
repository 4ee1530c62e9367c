/** Issue #16: db-scheduler's {@code scheduled_tasks} as the jobs page reads it. */
@NullMarked
package org.partnerdesk.jobs.persistence;

import org.jspecify.annotations.NullMarked;
