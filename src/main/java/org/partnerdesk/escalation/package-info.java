/** Escalations (TKT-7..9): alliance chat channels, partners' special processes; STAR requests to come. */
@NullMarked
package org.partnerdesk.escalation;

import org.jspecify.annotations.NullMarked;
