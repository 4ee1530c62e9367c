/** Issue #16: the operations console's jobs page, for admins. */
@NullMarked
package org.partnerdesk.jobs.ui;

import org.jspecify.annotations.NullMarked;
