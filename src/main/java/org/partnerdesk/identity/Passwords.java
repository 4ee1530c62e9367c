package org.partnerdesk.identity;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.partnerdesk.api.Actor;
import org.partnerdesk.api.ApiException;
import org.partnerdesk.api.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
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

    private final JdbcClient db;
    private final SignInThrottle throttle;
    private final VerifiedPasswords verified;
    private final PasswordEncoder encoder;
    // compared against when no password is stored, so an unknown e-mail costs as long as a wrong password
    private final String decoy;

    Passwords(JdbcClient db, SignInThrottle throttle, VerifiedPasswords verified, PasswordEncoder encoder) {
        this.db = db;
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
        db.sql("""
                        insert into user_passwords (user_id, password_hash) values (?, ?)
                        on conflict (user_id) do update set password_hash = excluded.password_hash, updated_at = now()""")
                .params(userId, encoder.encode(password)).update();
        verified.forget(userId); // the stored hash changed anyway; this only frees the entries at once
    }

    /**
     * The active user with this e-mail and password, with organization and groups, as the token lookup gives them.
     * Failures count against the client address and the e-mail, known or not; {@link SignInThrottle} stops a guesser (and
     * bcrypt's cost) before the password is checked, without locking the owner out (#10 item 5).
     */
    Optional<Actor> authenticate(String email, String password, String client) {
        throttle.check(email, client);
        Optional<Stored> stored = db.sql("""
                        select u.id, u.email, u.role, m.organization_id, p.password_hash,
                               array(select g.name from group_memberships gm join groups g on g.id = gm.group_id
                                      where gm.user_id = u.id) as groups
                          from users u
                          join user_passwords p on p.user_id = u.id
                          left join organization_memberships m on m.user_id = u.id
                         where lower(u.email) = lower(?) and u.active""")
                .param(email.strip())
                .query((rs, n) -> new Stored(new Actor(rs.getLong(1), rs.getString(2), Role.fromCode(rs.getString(3)).orElseThrow(),
                        (Long) rs.getObject(4), ApiTokens.groups(rs.getArray(6))), rs.getString(5)))
                .optional();
        if (stored.isPresent() && verified.contains(email, password, stored.get().actor().userId(), stored.get().hash())) {
            return stored.map(Stored::actor);
        }
        String hash = stored.map(Stored::hash).orElse(decoy);
        boolean matches = encoder.matches(password, hash);
        if (matches && stored.isPresent()) {
            verified.add(email, password, stored.get().actor().userId(), hash);
        }
        if (!matches || stored.isEmpty()) {
            throttle.failed(email, client);
        }
        return stored.filter(s -> matches).map(Stored::actor);
    }

    private record Stored(Actor actor, String hash) {
    }
}
