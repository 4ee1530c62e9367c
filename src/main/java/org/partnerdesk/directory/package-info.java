/**
 * The directory (DIR-*): organizations, users, memberships, groups, subscriptions and NFR licenses,
 * and the DIR-3 guard that keeps customers and partners apart.
 */
@NullMarked
@ApplicationModule(displayName = "Directory", allowedDependencies = {"api", "entitlement", "console", "jobs", "database"})
package org.partnerdesk.directory;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
