/** TKT-4: the {@code ticket_slas} table, each ticket's reply clocks and pauses. */
@NullMarked
package org.partnerdesk.sla.persistence;

import org.jspecify.annotations.NullMarked;
