/** UI-1 operations console: the partner-operations inboxes, counted in one statement (its persistence package). */
@NullMarked
package org.partnerdesk.partnerops.inbox;

import org.jspecify.annotations.NullMarked;
