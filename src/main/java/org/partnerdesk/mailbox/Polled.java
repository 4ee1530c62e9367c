package org.partnerdesk.mailbox;

/** What one poll of the partner mailbox did: messages read, tickets opened, comments added, ignored, left for later. */
public record Polled(int read, int tickets, int comments, int ignored, int failed) {
}
