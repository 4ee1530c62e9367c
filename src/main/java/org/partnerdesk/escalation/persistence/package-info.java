/** TKT-7: the {@code star_requests} table. */
@NullMarked
package org.partnerdesk.escalation.persistence;

import org.jspecify.annotations.NullMarked;
