/** UI-1 pages and page parts of the directory: what the portal's navigation needs to know about the person's organization. */
@NullMarked
package org.partnerdesk.directory.ui;

import org.jspecify.annotations.NullMarked;
