/** Issue #17 item 3: {@code /api/v2/job_statuses}, the bulk jobs as Zendesk shows them. */
@NullMarked
package org.partnerdesk.jobs.web;

import org.jspecify.annotations.NullMarked;
