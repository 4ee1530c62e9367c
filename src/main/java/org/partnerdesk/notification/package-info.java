/** NTF-1 notifications: e-mail to requester and CCs on public replies, delivered through the outbox. */
@NullMarked
package org.partnerdesk.notification;

import org.jspecify.annotations.NullMarked;
