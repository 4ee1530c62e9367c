/** PO-5: the {@code billing_accounts} table and its audit. */
@NullMarked
package org.partnerdesk.partnerops.billing.persistence;

import org.jspecify.annotations.NullMarked;
