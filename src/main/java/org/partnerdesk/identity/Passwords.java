package org.partnerdesk.identity;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.partnerdesk.api.Actor;
import org.partnerdesk.api.ApiException;
import org.partnerdesk.identity.persistence.StoredPasswords;
import org.partnerdesk.identity.persistence.StoredPasswords.Credentials;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * API-2 password sign-in for portal users ({@code Basic base64(email:password)}, as Zendesk accepts it). Passwords are
 * stored with Spring Security's delegating encoder (bcrypt): slow on purpose, which is why API tokens stay the
 * credential for integrations and the hot path. A verified pair is remembered for a few minutes ({@link VerifiedPasswords}),
 * so a portal user's next requests skip bcrypt; the user row (active, role, groups, stored hash) is still read every time.
 */
@Service
public class Passwords {

    public static final int MIN_LENGTH = 12;
    /** bcrypt reads 72 bytes at most; a longer password would be cut without a word, so it is refused instead. */
    public static final int MAX_BYTES = 72;

    private final StoredPasswords stored;
    private final SignInThrottle throttle;
    private final VerifiedPasswords verified;
    private final PasswordEncoder encoder;
    // compared against when no password is stored, so an unknown e-mail costs as long as a wrong password
    private final String decoy;

    Passwords(StoredPasswords stored, SignInThrottle throttle, VerifiedPasswords verified, PasswordEncoder encoder) {
        this.stored = stored;
        this.throttle = throttle;
        this.verified = verified;
        this.encoder = encoder;
        this.decoy = encoder.encode("decoy-password-never-matches");
    }

    /** What a new password must be; {@code null} when it is fine, else the reason. */
    public static @Nullable String problemWith(String password) {
        if (password.length() < MIN_LENGTH) {
            return "is too short (minimum is " + MIN_LENGTH + " characters)";
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return "is too long (maximum is " + MAX_BYTES + " bytes)";
        }
        return null;
    }

    /** Sets or replaces the user's password; callers prove the right to do so (an invitation token, PO-2). */
    @Transactional
    public void set(long userId, String password) {
        String problem = problemWith(password);
        if (problem != null) {
            throw ApiException.invalid("password", "invalid_value", problem);
        }
        stored.save(userId, encoder.encode(password));
        verified.forget(userId); // the stored hash changed anyway; this only frees the entries at once
    }

    /**
     * The active user with this e-mail and password, with organization and groups, as the token lookup gives them.
     * Failures count against the client address and the e-mail, known or not; {@link SignInThrottle} stops a guesser (and
     * bcrypt's cost) before the password is checked, without locking the owner out (#10 item 5).
     */
    Optional<Actor> authenticate(String email, String password, String client) {
        throttle.check(email, client);
        Optional<Credentials> found = stored.ofActiveUser(email.strip());
        if (found.isPresent() && verified.contains(email, password, found.get().actor().userId(), found.get().hash())) {
            return found.map(Credentials::actor);
        }
        String hash = found.map(Credentials::hash).orElse(decoy);
        boolean matches = encoder.matches(password, hash);
        if (matches && found.isPresent()) {
            verified.add(email, password, found.get().actor().userId(), hash);
        }
        if (!matches || found.isEmpty()) {
            throttle.failed(email, client);
        }
        return found.filter(s -> matches).map(Credentials::actor);
    }
}
