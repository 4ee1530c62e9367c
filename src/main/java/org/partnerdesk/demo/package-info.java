/** Demo data that shows the partner programme and a working queue on a new desk (PARTNERDESK_DEMO_DATA). */
@NullMarked
@ApplicationModule(displayName = "Demo data", allowedDependencies = {"api", "directory", "identity", "partnerops", "ticket", "sla", "escalation"})
package org.partnerdesk.demo;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
