package org.partnerdesk.notification;

import org.partnerdesk.partnerops.PortalAccessAnswered;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** PO-2: the person who asked for portal access hears of a decline and its reason. */
@Component
@ConditionalOnProperty("spring.mail.host")
class PortalAccessMail {

    private final PartnerMail mail;

    PortalAccessMail(PartnerMail mail) {
        this.mail = mail;
    }

    @ApplicationModuleListener
    void on(PortalAccessAnswered answer) {
        mail.send(answer.email(), answer.name(), "[PartnerDesk] Portal access request #" + answer.requestId() + " for "
                + answer.organizationName() + ": " + answer.status(), answer.message());
    }
}
