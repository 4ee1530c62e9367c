/** Demo data that shows the partner programme on a new desk (PARTNERDESK_DEMO_DATA). */
@NullMarked
package org.partnerdesk.demo;

import org.jspecify.annotations.NullMarked;
