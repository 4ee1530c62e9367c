/** #16 operations console: the CRM import of DIR-7 in the browser: upload, progress, per-row report, history of runs. */
@NullMarked
package org.partnerdesk.directory.crm.ui;

import org.jspecify.annotations.NullMarked;
