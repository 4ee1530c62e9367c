package org.partnerdesk.notification;

import org.partnerdesk.api.OutboxListener;
import org.partnerdesk.partnerops.PortalAccessAnswered;
import org.springframework.stereotype.Component;

/** PO-2: the person who asked for portal access hears of a decline and its reason. */
@Component
class PortalAccessMail {

    private final PartnerMail mail;

    PortalAccessMail(PartnerMail mail) {
        this.mail = mail;
    }

    @OutboxListener
    void on(PortalAccessAnswered answer) {
        mail.send(answer, answer.email(), answer.name(), "[PartnerDesk] Portal access request #" + answer.requestId() + " for "
                + answer.organizationName() + ": " + answer.status().code(), answer.message());
    }
}
