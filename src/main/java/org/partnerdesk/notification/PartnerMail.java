package org.partnerdesk.notification;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.partnerdesk.directory.User;
import org.partnerdesk.directory.Users;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/** Sends one partner-operations message to people named by user id; the NFR mails share it. */
@Component
@ConditionalOnProperty("spring.mail.host")
class PartnerMail {

    private final Users users;
    private final JavaMailSender mail;
    private final String from;

    PartnerMail(Users users, JavaMailSender mail, @Value("${partnerdesk.mail.from:support@partnerdesk.test}") String from) {
        this.users = users;
        this.mail = mail;
        this.from = from;
    }

    /** One message to all of them (To), so a retry cannot reach half of them twice; nobody deliverable, no message. */
    void send(Collection<Long> userIds, String subject, String text) {
        Set<String> to = new LinkedHashSet<>();
        for (long id : userIds) {
            users.find(id).map(User::email).filter(email -> !email.endsWith(".invalid")).ifPresent(to::add);
        }
        if (to.isEmpty()) {
            return;
        }
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(new ArrayList<>(to).toArray(String[]::new));
        message.setSubject(subject);
        message.setText(text + "\n\n--\nPartnerDesk partner operations");
        mail.send(message);
    }

    static List<Long> one(long userId) {
        return List.of(userId);
    }
}
