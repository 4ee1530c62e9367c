/** PO-3, PO-4: {@code /api/v2/certifications}, {@code /api/v2/nfr_requests}, {@code /api/v2/nfr_exceptions}. */
@NullMarked
package org.partnerdesk.partnerops.nfr.web;

import org.jspecify.annotations.NullMarked;
