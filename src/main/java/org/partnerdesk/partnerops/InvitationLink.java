package org.partnerdesk.partnerops;

import java.util.Optional;

import org.partnerdesk.identity.PasswordLink;
import org.springframework.stereotype.Component;

/**
 * UI-1, PO-1/PO-2: the mailed sign-in invitation opens the same "Set password" page as a forgot-password link
 * ({@code /password/set?invitation=…}) and is accepted there through {@link PortalAccess#acceptInvitation}, as
 * {@code POST /api/v2/sign_in_invitations/accept} accepts it.
 */
@Component
class InvitationLink implements PasswordLink {

    static final String PARAMETER = "invitation";

    private final PortalAccess access;

    InvitationLink(PortalAccess access) {
        this.access = access;
    }

    @Override
    public String parameter() {
        return PARAMETER;
    }

    @Override
    public Optional<String> whyUnusable(String token) {
        return access.whyInvitationUnusable(token);
    }

    @Override
    public void setPassword(String token, String password) {
        access.acceptInvitation(token, password);
    }
}
