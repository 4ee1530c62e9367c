/** TKT-*: tickets, comments, audits, forms, queues and search in SQL; one visibility rule for every read. */
@NullMarked
package org.partnerdesk.ticket.persistence;

import org.jspecify.annotations.NullMarked;
