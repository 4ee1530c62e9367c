/** UI-1 agent console pages of the ticket module: queues, the ticket page, search. */
@NullMarked
package org.partnerdesk.ticket.ui;

import org.jspecify.annotations.NullMarked;
