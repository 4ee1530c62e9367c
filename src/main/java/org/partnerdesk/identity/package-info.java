/** API-2 identity: API tokens (stored hashed, shown once), the start-up admin, and who the caller is. */
@NullMarked
@ApplicationModule(displayName = "Identity", allowedDependencies = {"api", "directory", "console"})
package org.partnerdesk.identity;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
