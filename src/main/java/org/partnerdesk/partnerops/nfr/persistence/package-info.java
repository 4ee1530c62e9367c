/** PO-3, PO-4: the tables of certifications, NFR requests, exceptions, renewals and their audits. */
@NullMarked
package org.partnerdesk.partnerops.nfr.persistence;

import org.jspecify.annotations.NullMarked;
