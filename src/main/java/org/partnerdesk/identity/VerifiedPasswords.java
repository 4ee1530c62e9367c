package org.partnerdesk.identity;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * API-2: e-mail and password pairs that bcrypt accepted lately, so a portal user's every request does not pay ~120 ms of
 * CPU again. Keyed by an HMAC-SHA-256 (random key per process) of e-mail and password, never the password; an entry only
 * counts for the same user and the same stored hash, so a password changed on any node misses at once. Bounded in size
 * (least recently used goes first) and in age.
 */
@Component
class VerifiedPasswords {

    private final Clock clock;
    private final int maxEntries;
    private final Duration timeToLive;
    private final SecretKeySpec key;
    private final Map<String, Verified> entries;

    VerifiedPasswords(Clock clock, @Value("${partnerdesk.sign-in.cache-size:10000}") int maxEntries,
                      @Value("${partnerdesk.sign-in.cache-ttl:PT5M}") Duration timeToLive) {
        this.clock = clock;
        this.maxEntries = maxEntries;
        this.timeToLive = timeToLive;
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Verified> eldest) {
                return size() > VerifiedPasswords.this.maxEntries;
            }
        };
    }

    private record Verified(long userId, String hash, Instant at) {
    }

    /** True if this user's password, stored as {@code hash}, was verified for this e-mail and password within the time to live. */
    boolean contains(String email, String password, long userId, String hash) {
        if (disabled()) {
            return false;
        }
        String id = id(email, password);
        synchronized (entries) {
            Verified verified = entries.get(id);
            if (verified == null) {
                return false;
            }
            if (!clock.instant().isBefore(verified.at().plus(timeToLive))) {
                entries.remove(id);
                return false;
            }
            return verified.userId() == userId
                    && MessageDigest.isEqual(verified.hash().getBytes(StandardCharsets.US_ASCII), hash.getBytes(StandardCharsets.US_ASCII));
        }
    }

    /** Remembers that bcrypt accepted this password for this user, stored as {@code hash}. */
    void add(String email, String password, long userId, String hash) {
        if (disabled()) {
            return;
        }
        String id = id(email, password);
        synchronized (entries) {
            entries.put(id, new Verified(userId, hash, clock.instant()));
        }
    }

    /** Forgets every pair of this user (a new password, a suspended or removed user on this node). */
    void forget(long userId) {
        synchronized (entries) {
            entries.values().removeIf(verified -> verified.userId() == userId);
        }
    }

    int size() {
        synchronized (entries) {
            return entries.size();
        }
    }

    private boolean disabled() {
        return maxEntries <= 0 || !timeToLive.isPositive();
    }

    private String id(String email, String password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256"); // not thread-safe, and cheap next to bcrypt: one per call
            mac.init(key);
            mac.update(email.strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return HexFormat.of().formatHex(mac.doFinal(password.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
