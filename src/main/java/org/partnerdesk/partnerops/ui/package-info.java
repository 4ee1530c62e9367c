/**
 * UI-1 pages of partner operations. In the operations console: the inboxes, partner applications and accounts made by
 * hand (PO-1), portal access requests (PO-2), NFR requests (PO-3) and NFR exceptions (PO-4). In the portal (#15): the
 * public sign-up (PO-1), portal access request (PO-2) and e-mail confirmation, and the partner's own NFR licenses (PO-3,
 * PO-4), certifications and users. Each calls the same facade as the API.
 */
@NullMarked
package org.partnerdesk.partnerops.ui;

import org.jspecify.annotations.NullMarked;
