/**
 * Tickets (TKT-*): intake through forms, the entitlement decision stored with each ticket, comments,
 * CCs and audits.
 */
@NullMarked
package org.partnerdesk.ticket;

import org.jspecify.annotations.NullMarked;
