/** Issue #12: {@code /api/v2/outgoing_mails}, the kept mail for admins to read. */
@NullMarked
package org.partnerdesk.notification.web;

import org.jspecify.annotations.NullMarked;
