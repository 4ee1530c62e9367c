/** PO-5: the one-time job that activates a billing account on its date. */
@NullMarked
package org.partnerdesk.partnerops.billing;

import org.jspecify.annotations.NullMarked;
