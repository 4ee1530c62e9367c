package org.partnerdesk.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Array;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.partnerdesk.api.Actor;
import org.partnerdesk.api.ApiException;
import org.partnerdesk.api.Role;
import org.partnerdesk.directory.Users;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * API-2 tokens. A token is 32 random bytes, so SHA-256 is enough to store it: a slow password hash
 * would cost more per request than the rest of ticket intake (DESIGN: hot path).
 */
@Service
public class ApiTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient db;
    private final Users users;

    ApiTokens(JdbcClient db, Users users) {
        this.db = db;
        this.users = users;
    }

    public record IssuedToken(long id, long userId, String token, String description, Instant createdAt) {
    }

    public record TokenInfo(long id, long userId, String description, Instant createdAt) {
    }

    /** Admins issue tokens for anyone, users for themselves; the plain token is returned this once. */
    @Transactional
    public IssuedToken issue(Actor actor, long userId, String description) {
        requireMayIssueFor(actor, userId);
        users.find(userId).orElseThrow(() -> ApiException.invalid("user_id", "not_found", "names no user (" + userId + ")"));
        return store(userId, newToken(), description);
    }

    /** API-2: admins issue tokens for anyone, users for themselves; the API asks before reading the rest of the body. */
    public void requireMayIssueFor(Actor actor, long userId) {
        if (!actor.isAdmin() && actor.userId() != userId) {
            throw ApiException.forbidden("You can create API tokens only for yourself.");
        }
    }

    @Transactional
    public IssuedToken store(long userId, String token, String description) {
        return db.sql("insert into api_tokens (user_id, token_hash, description) values (?, ?, ?)"
                        + " on conflict (token_hash) do update set description = excluded.description"
                        + " returning id, user_id, description, created_at")
                .params(userId, hash(token), description)
                .query((rs, n) -> new IssuedToken(rs.getLong(1), rs.getLong(2), token, rs.getString(3), rs.getTimestamp(4).toInstant()))
                .single();
    }

    public List<TokenInfo> of(Actor actor, long userId) {
        if (!actor.isAdmin() && actor.userId() != userId) {
            throw ApiException.forbidden("You can list only your own API tokens.");
        }
        return db.sql("select id, user_id, description, created_at from api_tokens where user_id = ? order by id")
                .param(userId)
                .query((rs, n) -> new TokenInfo(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getTimestamp(4).toInstant()))
                .list();
    }

    @Transactional
    public void revoke(Actor actor, long tokenId) {
        Long owner = db.sql("select user_id from api_tokens where id = ?").param(tokenId).query(Long.class).optional()
                .orElseThrow(() -> ApiException.notFound("API token " + tokenId));
        if (!actor.isAdmin() && actor.userId() != owner) { // #10: another's token answers as one that does not exist
            throw ApiException.notFound("API token " + tokenId);
        }
        db.sql("delete from api_tokens where id = ?").param(tokenId).update();
    }

    @Transactional
    public void revokeByDescription(long userId, String description) {
        db.sql("delete from api_tokens where user_id = ? and description = ?").params(userId, description).update();
    }

    /**
     * Who holds this token, in one query with the user's organization and groups. It reads the directory's
     * tables directly because it runs on every request.
     */
    Optional<Actor> authenticate(String token) {
        return db.sql("""
                        select u.id, u.email, u.role, m.organization_id,
                               array(select g.name from group_memberships gm join groups g on g.id = gm.group_id
                                      where gm.user_id = u.id) as groups
                          from api_tokens t
                          join users u on u.id = t.user_id and u.active
                          left join organization_memberships m on m.user_id = u.id
                         where t.token_hash = ?""")
                .param(hash(token))
                .query((rs, n) -> new Actor(rs.getLong(1), rs.getString(2), Role.fromCode(rs.getString(3)).orElseThrow(),
                        (Long) rs.getObject(4), groups(rs.getArray(5))))
                .optional();
    }

    public static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    // the groups column of an actor query; password sign-in reads actors the same way
    static Set<String> groups(Array array) throws java.sql.SQLException {
        return Set.of((String[]) array.getArray());
    }

    // SHA-256 of the text: how tokens, and Attempts' keys, are stored
    static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
