/**
 * The partner mailbox (PO-6 [003]): mail to the partner support address, read over IMAP, becomes a Partner Operations
 * ticket from its sender, and replies thread into the ticket they answer. Automatic mail (auto-replies, bounces, our own
 * mail) never makes a ticket, and each message is processed once, by its Message-ID. An inbound channel of its own, apart
 * from the partner-operations workflows, which it reaches only through the ticket it files.
 */
@NullMarked
@ApplicationModule(displayName = "Partner mailbox", allowedDependencies = {"api", "attachment", "directory", "notification", "ticket"})
package org.partnerdesk.mailbox;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
