package org.partnerdesk.notification;

import org.partnerdesk.partnerops.PartnerApplicationAnswered;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** PO-1: the applicant hears where the partner application stands (in review, approved, declined with the reason). */
@Component
@ConditionalOnProperty("spring.mail.host")
class PartnerApplicationMail {

    private final JavaMailSender mail;
    private final String from;

    PartnerApplicationMail(JavaMailSender mail, @Value("${partnerdesk.mail.from:support@partnerdesk.test}") String from) {
        this.mail = mail;
        this.from = from;
    }

    @ApplicationModuleListener
    void on(PartnerApplicationAnswered answer) {
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(answer.email());
        message.setSubject("[PartnerDesk] Partner application #" + answer.applicationId() + " for " + answer.company() + ": "
                + answer.status().replace('_', ' '));
        message.setText("Hello " + answer.name() + ",\n\n" + answer.message() + "\n\n--\nPartner Operations");
        mail.send(message);
    }
}
