/**
 * Tickets (TKT-*): intake through forms, the entitlement decision stored with each ticket, comments,
 * CCs and audits.
 */
@NullMarked
@ApplicationModule(displayName = "Tickets", allowedDependencies = {"api", "directory", "entitlement", "sla", "console", "jobs", "database"})
package org.partnerdesk.ticket;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
