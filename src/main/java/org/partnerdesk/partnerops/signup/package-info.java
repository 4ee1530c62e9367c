/** PO-1 internals: persistence and the HTTP API of partner sign-up. */
@NullMarked
package org.partnerdesk.partnerops.signup;

import org.jspecify.annotations.NullMarked;
