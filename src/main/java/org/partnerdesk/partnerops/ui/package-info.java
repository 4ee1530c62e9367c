/**
 * UI-1 operations console pages of partner operations: the inboxes, partner applications (PO-1), portal access
 * requests (PO-2), NFR requests (PO-3) and NFR exceptions (PO-4), each calling the same facade as the API.
 */
@NullMarked
package org.partnerdesk.partnerops.ui;

import org.jspecify.annotations.NullMarked;
