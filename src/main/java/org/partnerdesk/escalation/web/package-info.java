/** TKT-7, TKT-8: {@code /api/v2/star_requests} and the alliance channel messages. */
@NullMarked
package org.partnerdesk.escalation.web;

import org.jspecify.annotations.NullMarked;
