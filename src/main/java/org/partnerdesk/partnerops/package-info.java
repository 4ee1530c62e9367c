/**
 * Partner operations (PO-1..PO-7): sign-up, portal access, NFR requests and exceptions, billing accounts and the
 * routing of Partner Operations requests. Each request is a workflow with states, an owning group, audit and
 * e-mail, so nothing is decided in someone's inbox. One facade per workflow in this package; the rest lives in
 * sub-packages by workflow.
 */
@NullMarked
@ApplicationModule(displayName = "Partner Operations", allowedDependencies = {"api", "directory", "identity", "ticket", "console"})
package org.partnerdesk.partnerops;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
