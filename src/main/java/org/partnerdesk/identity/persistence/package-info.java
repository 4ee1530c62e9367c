/** The identity module's tables (api_tokens, user_passwords, request_limits) through JdbcClient; internal to the module. */
@NullMarked
package org.partnerdesk.identity.persistence;

import org.jspecify.annotations.NullMarked;
