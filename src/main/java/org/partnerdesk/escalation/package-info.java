/** Escalations (TKT-7..9): STAR requests to the on-call support manager, alliance chat channels, partners' special processes. */
@NullMarked
@ApplicationModule(displayName = "Escalations", allowedDependencies = {"api", "directory", "ticket", "console"})
package org.partnerdesk.escalation;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
