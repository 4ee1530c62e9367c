/** PO-3: the certification register's pages ({@code ui}); the register itself is {@code partnerops.Certifications}. */
@NullMarked
package org.partnerdesk.partnerops.certification;

import org.jspecify.annotations.NullMarked;
