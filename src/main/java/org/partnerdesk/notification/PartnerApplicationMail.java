package org.partnerdesk.notification;

import org.partnerdesk.api.OutboxListener;
import org.partnerdesk.partnerops.PartnerApplicationAnswered;
import org.springframework.stereotype.Component;

/** PO-1: the applicant hears where the partner application stands (in review, approved, declined with the reason). */
@Component
class PartnerApplicationMail {

    private final PartnerMail mail;

    PartnerApplicationMail(PartnerMail mail) {
        this.mail = mail;
    }

    @OutboxListener
    void on(PartnerApplicationAnswered answer) {
        mail.send(answer, answer.email(), answer.name(), "[PartnerDesk] Partner application #" + answer.applicationId() + " for "
                + answer.company() + ": " + answer.status().code().replace('_', ' '), answer.message());
    }
}
