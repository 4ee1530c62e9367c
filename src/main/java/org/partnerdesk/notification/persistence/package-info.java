/** Issue #12: the kept-mail folder's table of outgoing mail, written while no mail server is set; issue #16: the outbox as the console reads it. */
@NullMarked
package org.partnerdesk.notification.persistence;

import org.jspecify.annotations.NullMarked;
