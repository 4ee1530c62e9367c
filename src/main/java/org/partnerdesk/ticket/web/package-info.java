/** TKT-*: {@code /api/v2/tickets}, forms, search and views, and the tickets' JSON. */
@NullMarked
package org.partnerdesk.ticket.web;

import org.jspecify.annotations.NullMarked;
