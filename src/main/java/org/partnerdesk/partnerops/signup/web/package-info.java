/** PO-1: {@code /api/v2/partner_applications}, sign-up by anyone and the decision by Partner Operations. */
@NullMarked
package org.partnerdesk.partnerops.signup.web;

import org.jspecify.annotations.NullMarked;
