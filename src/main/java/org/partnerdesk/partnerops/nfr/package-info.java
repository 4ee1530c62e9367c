/** PO-3, PO-4 internals: persistence, the HTTP API and the renewal job of NFR requests, exceptions and certifications. */
@NullMarked
package org.partnerdesk.partnerops.nfr;

import org.jspecify.annotations.NullMarked;
