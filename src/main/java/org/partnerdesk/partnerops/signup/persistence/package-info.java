/** PO-1: the {@code partner_applications} table. */
@NullMarked
package org.partnerdesk.partnerops.signup.persistence;

import org.jspecify.annotations.NullMarked;
