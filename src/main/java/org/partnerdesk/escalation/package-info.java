/** Escalations (TKT-7..9): STAR requests to the on-call support manager, alliance chat channels, partners' special processes. */
@NullMarked
package org.partnerdesk.escalation;

import org.jspecify.annotations.NullMarked;
