package org.partnerdesk.identity;

import java.util.List;

import org.partnerdesk.api.Actor;
import org.partnerdesk.api.StorableText;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * UI-1: the sign-in form checks the same passwords, with the same throttle, as the API's password sign-in (#10 item 5);
 * the signed-in principal is the {@link Actor} every controller takes.
 */
class PasswordSignIn implements AuthenticationProvider {

    static final String WRONG = "That e-mail and password don't match an active account.";

    private final Passwords passwords;

    PasswordSignIn(Passwords passwords) {
        this.passwords = passwords;
    }

    @Override
    public Authentication authenticate(Authentication attempt) throws AuthenticationException {
        String email = String.valueOf(attempt.getPrincipal()).strip();
        String password = String.valueOf(attempt.getCredentials());
        if (email.isEmpty() || password.isEmpty() || !StorableText.isStorable(email) || !StorableText.isStorable(password)) {
            throw new BadCredentialsException(WRONG);
        }
        String client = attempt.getDetails() instanceof WebAuthenticationDetails details ? details.getRemoteAddress() : "unknown";
        try {
            return passwords.authenticate(email, password, client).map(PasswordSignIn::signedIn)
                    .orElseThrow(() -> new BadCredentialsException(WRONG));
        } catch (SignInThrottle.Throttled throttled) {
            throw new ThrottledSignIn("Too many failed sign-ins " + throttled.scope() + ". Try again in "
                    + throttled.retryAfterSeconds() + " seconds.");
        }
    }

    static Authentication signedIn(Actor actor) {
        return new SignedIn(actor);
    }

    /** A browser session's sign-in: named by the e-mail address, which Spring Session indexes sessions by. */
    static final class SignedIn extends UsernamePasswordAuthenticationToken {

        SignedIn(Actor actor) {
            super(actor, null, List.of(new SimpleGrantedAuthority("ROLE_" + actor.role().name())));
        }

        @Override
        public String getName() {
            return ((Actor) getPrincipal()).email();
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    /** #10 item 5: the throttle's answer, shown on the sign-in page as it is. */
    static final class ThrottledSignIn extends AuthenticationException {
        ThrottledSignIn(String message) {
            super(message);
        }
    }
}
