/** PO-2: {@code /api/v2/portal_access_requests}, {@code sign_in_invitations} and {@code email_confirmations}, answered to callers who may not be signed in. */
@NullMarked
package org.partnerdesk.partnerops.access.web;

import org.jspecify.annotations.NullMarked;
