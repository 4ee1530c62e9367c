/**
 * UI-1: what every page shares: the layout's model, page errors, fingerprinted assets, and live updates across nodes.
 * Each module owns its pages in a {@code ui} package and its templates under {@code templates/<module>/}.
 */
@NullMarked
@ApplicationModule(displayName = "Console", allowedDependencies = {"api"})
package org.partnerdesk.console;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
