/** #16 operations console: the billing accounts of PO-5, their activation countdown, a request from a partner's page. */
@NullMarked
package org.partnerdesk.partnerops.billing.ui;

import org.jspecify.annotations.NullMarked;
