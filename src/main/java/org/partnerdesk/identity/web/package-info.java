/** API-2: {@code /api/v2/api_tokens}, API tokens issued, listed and revoked (the token itself shown once). */
@NullMarked
package org.partnerdesk.identity.web;

import org.jspecify.annotations.NullMarked;
