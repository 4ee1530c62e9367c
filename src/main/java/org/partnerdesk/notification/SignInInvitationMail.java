package org.partnerdesk.notification;

import java.util.List;
import java.util.Optional;

import org.partnerdesk.api.OutboxListener;
import org.partnerdesk.api.WholeSeconds;
import org.partnerdesk.partnerops.PortalAccess;
import org.partnerdesk.partnerops.SignInInvitationIssued;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * PO-1, PO-2: the sign-in invitation, through the outbox. The token is minted here, at each attempt: after a failed send
 * the retry mints another, replacing the hash of the one nobody received, so only the token that went out works.
 */
@Component
class SignInInvitationMail {

    private final PortalAccess access;
    private final MailDelivery mail;
    private final String from;

    SignInInvitationMail(PortalAccess access, MailDelivery mail, @Value("${partnerdesk.mail.from:support@partnerdesk.test}") String from) {
        this.access = access;
        this.mail = mail;
        this.from = from;
    }

    @OutboxListener
    void on(SignInInvitationIssued invitation) {
        Optional<String> token = access.mintInvitationToken(invitation.invitationId());
        if (token.isEmpty()) {
            return; // used, replaced by a newer invitation, or expired before the mail could go: nothing worth sending
        }
        mail.send(OutgoingMail.about(invitation, from, List.of(invitation.email()), List.of(),
                "[PartnerDesk] Your sign-in invitation for " + invitation.organizationName(), "Hello " + invitation.name() + ",\n\n" + invitation.occasion() + "\n\n"
                + "Set your password to sign in to the partner portal:\n" + access.invitationLink(token.get()) + "\n\n"
                + "Or with the API: POST /api/v2/sign_in_invitations/accept\n"
                + "{\"sign_in_invitation\":{\"token\":\"" + token.get() + "\",\"password\":\"…\"}}\n\n"
                + "The invitation works once and expires at " + WholeSeconds.of(invitation.expiresAt()) + ". Then sign in with your e-mail and password."));
    }
}
