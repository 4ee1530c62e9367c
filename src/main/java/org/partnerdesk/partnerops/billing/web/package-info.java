/** PO-5: {@code /api/v2/billing_accounts}. */
@NullMarked
package org.partnerdesk.partnerops.billing.web;

import org.jspecify.annotations.NullMarked;
