/**
 * The database connection: the embedded PostgreSQL run from the bundled binaries under {@code ./var/pg} when no
 * {@code SPRING_DATASOURCE_URL} is set, and the pool's connect timeout in either mode; and {@link org.partnerdesk.database.LagTolerantReads},
 * the read replica ({@code PARTNERDESK_READ_REPLICA_URL}, issue #18) for the reads that tolerate a second of lag.
 */
@NullMarked
@ApplicationModule(displayName = "Database", allowedDependencies = {"api"})
package org.partnerdesk.database;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
