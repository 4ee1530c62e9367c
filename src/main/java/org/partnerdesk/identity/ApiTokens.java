package org.partnerdesk.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.partnerdesk.api.Actor;
import org.partnerdesk.api.ApiException;
import org.partnerdesk.api.CursorPage;
import org.partnerdesk.api.PageRequest;
import org.partnerdesk.directory.Users;
import org.partnerdesk.identity.persistence.StoredApiTokens;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * API-2 tokens. A token is 32 random bytes, so SHA-256 is enough to store it: a slow password hash
 * would cost more per request than the rest of ticket intake (DESIGN: hot path).
 */
@Service
public class ApiTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final StoredApiTokens stored;
    private final Users users;

    ApiTokens(StoredApiTokens stored, Users users) {
        this.stored = stored;
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
        TokenInfo kept = stored.insert(userId, hash(token), description);
        return new IssuedToken(kept.id(), kept.userId(), token, kept.description(), kept.createdAt());
    }

    public List<TokenInfo> of(Actor actor, long userId) {
        if (!actor.isAdmin() && actor.userId() != userId) {
            throw ApiException.forbidden("You can list only your own API tokens.");
        }
        return stored.ofUser(userId);
    }

    /** Issue #16: every token of every user for admins, newest first in keyset pages; never a secret (only hashes are kept). */
    public CursorPage<TokenInfo> page(Actor actor, PageRequest page) {
        actor.requireAdmin();
        return CursorPage.of(stored.page(page.afterId(), page.fetchSize()), page, TokenInfo::id);
    }

    @Transactional
    public void revoke(Actor actor, long tokenId) {
        Long owner = stored.owner(tokenId).orElseThrow(() -> ApiException.notFound("API token " + tokenId));
        if (!actor.isAdmin() && actor.userId() != owner) { // #10: another's token answers as one that does not exist
            throw ApiException.notFound("API token " + tokenId);
        }
        stored.delete(tokenId);
    }

    @Transactional
    /**
     * Issue #18: the start-up admin's token, set once however many nodes start or restart: a token the admin already
     * holds is left as it is (revoking and storing it again would refuse the admin's requests in between on the other nodes).
     */
    void ensureStartupToken(long adminId, String token, String description) {
        if (authenticate(token).filter(holder -> holder.userId() == adminId).isPresent()) {
            return;
        }
        stored.deleteByDescription(adminId, description);
        store(adminId, token, description);
    }

    /** Issue #18: taken first in the start-up admin's transaction, so nodes starting together set it one after the other. */
    void lockStartupAdmin() {
        stored.lockStartupAdmin();
    }

    public void revokeByDescription(long userId, String description) {
        stored.deleteByDescription(userId, description);
    }

    /** Who holds this token, with the user's organization and groups: one query on every request (DESIGN: hot path). */
    Optional<Actor> authenticate(String token) {
        return stored.holder(hash(token));
    }

    public static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
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
