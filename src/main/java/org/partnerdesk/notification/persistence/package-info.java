/** Issue #12: the kept-mail folder's table of outgoing mail, written while no mail server is set. */
@NullMarked
package org.partnerdesk.notification.persistence;

import org.jspecify.annotations.NullMarked;
