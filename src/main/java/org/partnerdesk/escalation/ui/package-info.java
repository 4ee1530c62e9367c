/** UI-1 agent ticket page parts of the escalation module: STAR (TKT-7), the alliance channel (TKT-8), special processes (TKT-9). */
@NullMarked
package org.partnerdesk.escalation.ui;

import org.jspecify.annotations.NullMarked;
