package org.partnerdesk.notification;

/**
 * Where the desk's mail goes: to the mail server ({@link SmtpDelivery}), or, with none configured, into the kept-mail
 * folder ({@link MailFolder}). A failure throws, which leaves the event publication to {@link OutboxRetry}.
 */
interface MailDelivery {

    void send(OutgoingMail mail);

    /** One line for the start-up banner and the mail health: where mail goes. */
    String destination();
}
