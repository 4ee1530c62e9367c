/** PO-6: one message in, a new Partner Operations ticket, a comment on the ticket it answers, or nothing for automatic mail. */
@NullMarked
package org.partnerdesk.mailbox.intake;

import org.jspecify.annotations.NullMarked;
