package org.partnerdesk.entitlement;

import java.util.Locale;

/** ENT-6 [004]: alliance tickets are named {@code Customer name - Alliance partner ticket ID - Subject}. */
record AllianceTicketName(String customerName, String allianceTicketId) {

    /** The subject to store; running it again on its own result changes nothing, so edits never double the prefix. */
    String applyTo(String subject) {
        String prefix = customerName + " - " + allianceTicketId + " - ";
        if (subject.regionMatches(true, 0, prefix, 0, prefix.length())) {
            return subject;
        }
        // A corrected customer name replaces the old prefix, found by its ticket id, instead of stacking a second one.
        String idPart = " - " + allianceTicketId.toLowerCase(Locale.ROOT) + " - ";
        int oldPrefixEnd = subject.toLowerCase(Locale.ROOT).indexOf(idPart);
        String ownSubject = oldPrefixEnd < 0 ? subject : subject.substring(oldPrefixEnd + idPart.length());
        return prefix + ownSubject.strip();
    }
}
