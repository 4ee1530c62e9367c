/** UI-1 live updates in PostgreSQL: the notification channel and who is on which ticket. */
@NullMarked
package org.partnerdesk.console.persistence;

import org.jspecify.annotations.NullMarked;
