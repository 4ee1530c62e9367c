/**
 * The entitlement decision (SPEC section 2, ENT-1..ENT-10): who the requester really is, which
 * organization a ticket belongs to, what it is served under, and why. Pure: records in, an
 * {@link org.partnerdesk.entitlement.Entitlement} out; no framework, no database, no clock.
 */
@NullMarked
@ApplicationModule(displayName = "Entitlement", allowedDependencies = {})
package org.partnerdesk.entitlement;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
