/** SQL of the operations console's inbox counts (UI-1, PO-1..PO-5). */
@NullMarked
package org.partnerdesk.partnerops.inbox.persistence;

import org.jspecify.annotations.NullMarked;
