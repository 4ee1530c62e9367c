/** PO-6: reading unseen mail over IMAP on a schedule, and the MIME parts of each message. */
@NullMarked
package org.partnerdesk.mailbox.imap;

import org.jspecify.annotations.NullMarked;
