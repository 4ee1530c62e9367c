/** PO-6: the Message-IDs of the mailbox messages already processed, so each becomes a ticket or a comment once. */
@NullMarked
package org.partnerdesk.mailbox.persistence;

import org.jspecify.annotations.NullMarked;
