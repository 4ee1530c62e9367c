/**
 * API-1: the Zendesk-style conventions every controller shares: the acting user, errors, JSON bodies,
 * cursor pagination. Idempotency and the {@code .json} suffix are applied once, in {@code api.web}. Also the rules every
 * module's outside contacts share: where outgoing calls may not go, and health kept out of the balancer's status.
 */
@NullMarked
@ApplicationModule(displayName = "API conventions", allowedDependencies = {})
package org.partnerdesk.api;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
