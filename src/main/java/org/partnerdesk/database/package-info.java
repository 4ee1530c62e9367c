/**
 * The database connection: the embedded PostgreSQL run from the bundled binaries under {@code ./var/pg} when no
 * {@code SPRING_DATASOURCE_URL} is set, and the pool's connect timeout in either mode.
 */
@NullMarked
@ApplicationModule(displayName = "Database", allowedDependencies = {})
package org.partnerdesk.database;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
