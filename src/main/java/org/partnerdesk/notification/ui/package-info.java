/** Issue #16: the operations console's outbox page, for admins. */
@NullMarked
package org.partnerdesk.notification.ui;

import org.jspecify.annotations.NullMarked;
