/** API-1 applied once for every controller: the acting user as a parameter, Zendesk's error JSON, idempotency, the {@code .json} suffix, the clock, the OpenAPI description and the rules page. */
@NullMarked
package org.partnerdesk.api.web;

import org.jspecify.annotations.NullMarked;
