/**
 * UI-1 portal pages of partner operations (#15): the public sign-up (PO-1), portal access request (PO-2) and e-mail
 * confirmation, and the partner's own NFR licenses (PO-3, PO-4), certifications and users.
 */
@NullMarked
package org.partnerdesk.partnerops.ui;

import org.jspecify.annotations.NullMarked;
