package org.partnerdesk.partnerops.certification.ui;

import org.jspecify.annotations.Nullable;
import org.partnerdesk.partnerops.Certification;

/** One line of the register: the certification with its holder's and organization's names, and whether it counts today (PO-3). */
record CertificationRow(Certification certification, @Nullable String holder, @Nullable String holderEmail,
                        @Nullable String organization, String validity) {
}
