package org.partnerdesk.identity;

import java.util.Collection;

import org.jspecify.annotations.Nullable;
import org.partnerdesk.api.Actor;
import org.partnerdesk.identity.persistence.StoredActors;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * UI-1: who the company's provider may sign in. Its verified e-mail address must be that of an existing, active agent or
 * administrator; the desk never creates a user from a provider's word and never signs in a partner or customer this way
 * (they sign in with their password, which PO-1/PO-2 gave them). An unknown address and an end user's get the same
 * refusal, so the provider's users learn nothing about the desk's accounts.
 */
class StaffAccounts implements OAuth2UserService<OidcUserRequest, OidcUser> {

    private final OidcUserService provider = new OidcUserService();
    private final StoredActors actors;

    StaffAccounts(StoredActors actors) {
        this.actors = actors;
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) throws OAuth2AuthenticationException {
        OidcUser signedIn = provider.loadUser(request);
        String email = signedIn.getEmail();
        if (email == null || email.isBlank() || !Boolean.TRUE.equals(signedIn.getEmailVerified())) {
            throw refused("Your company account did not give a verified e-mail address, so the desk cannot tell who you are."
                    + " Sign in with your e-mail and password instead.");
        }
        Actor actor = actors.activeByEmail(email.strip()).filter(Actor::isStaff).orElseThrow(() -> refused(email.strip()
                + " is not an active agent or administrator of PartnerDesk. Company sign-in is for staff; partners and"
                + " customers sign in with their e-mail and password."));
        return new StaffMember(actor, signedIn.getAuthorities(), signedIn.getIdToken(), signedIn.getUserInfo());
    }

    private static OAuth2AuthenticationException refused(String why) {
        return new OAuth2AuthenticationException(new OAuth2Error("access_denied", why, null), why);
    }

    /** The provider's user, with the desk's {@link Actor} it stands for; replaced by that Actor once signed in. */
    static final class StaffMember extends DefaultOidcUser {

        private final Actor actor;

        StaffMember(Actor actor, Collection<? extends GrantedAuthority> authorities, OidcIdToken idToken, @Nullable OidcUserInfo userInfo) {
            super(authorities, idToken, userInfo);
            this.actor = actor;
        }

        Actor actor() {
            return actor;
        }
    }
}
