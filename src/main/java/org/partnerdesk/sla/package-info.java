/**
 * Service level agreements (TKT-4): first-reply and next-reply targets by support level and priority, due
 * times on business hours or calendar time, pending pauses, and the background scan that finds breaches.
 * The ticket module calls {@link org.partnerdesk.sla.Slas}; this module knows nothing of tickets but their id.
 */
@NullMarked
@ApplicationModule(displayName = "Service levels", allowedDependencies = {})
package org.partnerdesk.sla;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
