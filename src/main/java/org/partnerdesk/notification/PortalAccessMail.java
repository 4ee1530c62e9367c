package org.partnerdesk.notification;

import org.partnerdesk.partnerops.PortalAccessAnswered;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** PO-2: the person who asked for portal access hears of a decline and its reason. */
@Component
@ConditionalOnProperty("spring.mail.host")
class PortalAccessMail {

    private final JavaMailSender mail;
    private final String from;

    PortalAccessMail(JavaMailSender mail, @Value("${partnerdesk.mail.from:support@partnerdesk.test}") String from) {
        this.mail = mail;
        this.from = from;
    }

    @ApplicationModuleListener
    void on(PortalAccessAnswered answer) {
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(answer.email());
        message.setSubject("[PartnerDesk] Portal access request #" + answer.requestId() + " for " + answer.organizationName() + ": "
                + answer.status());
        message.setText("Hello " + answer.name() + ",\n\n" + answer.message() + "\n\n--\nPartner Operations");
        mail.send(message);
    }
}
