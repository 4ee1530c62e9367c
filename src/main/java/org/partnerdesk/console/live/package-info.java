/** UI-1 live updates: the browsers' event streams, fed by every node's PostgreSQL notifications. */
@NullMarked
package org.partnerdesk.console.live;

import org.jspecify.annotations.NullMarked;
