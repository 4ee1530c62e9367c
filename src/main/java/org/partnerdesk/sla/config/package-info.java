/** TKT-4: the SLA settings, the calendar and targets built from them, and the breach-scan job. */
@NullMarked
package org.partnerdesk.sla.config;

import org.jspecify.annotations.NullMarked;
