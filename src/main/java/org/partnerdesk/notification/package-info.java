/** NTF-1 notifications: e-mail to requester and CCs on public replies, STAR and SLA-breach mail to staff, all through the outbox. */
@NullMarked
@ApplicationModule(displayName = "Notifications", allowedDependencies = {"api", "console", "directory", "escalation", "identity", "partnerops", "sla", "ticket"})
package org.partnerdesk.notification;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
