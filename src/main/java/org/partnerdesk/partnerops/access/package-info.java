/** PO-2: portal access requests, sign-in invitations, e-mail confirmations and the rate limits of the endpoints anyone may call. */
@NullMarked
package org.partnerdesk.partnerops.access;

import org.jspecify.annotations.NullMarked;
