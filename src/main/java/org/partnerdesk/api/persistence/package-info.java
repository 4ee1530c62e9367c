/** API-1 the idempotent_requests table, through JdbcClient; internal to the api module. */
@NullMarked
package org.partnerdesk.api.persistence;

import org.jspecify.annotations.NullMarked;
