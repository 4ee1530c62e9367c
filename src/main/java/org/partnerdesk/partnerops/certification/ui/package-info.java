/** #16 operations console: the certification register of PO-3, filtered by organization and kind, kept by Partner Operations. */
@NullMarked
package org.partnerdesk.partnerops.certification.ui;

import org.jspecify.annotations.NullMarked;
