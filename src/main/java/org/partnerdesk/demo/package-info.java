/** Demo data that shows the partner programme on a new desk (PARTNERDESK_DEMO_DATA). */
@NullMarked
@ApplicationModule(displayName = "Demo data", allowedDependencies = {"api", "directory", "identity", "partnerops"})
package org.partnerdesk.demo;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
