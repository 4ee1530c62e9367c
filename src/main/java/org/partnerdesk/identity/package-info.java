/** API-2 identity: API tokens (stored hashed, shown once), the start-up admin, and who the caller is. */
@NullMarked
package org.partnerdesk.identity;

import org.jspecify.annotations.NullMarked;
