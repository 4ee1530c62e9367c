package org.partnerdesk.notification;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Issue #17: Zendesk's webhook signature, so a receiver written for Zendesk verifies ours unchanged:
 * {@code X-Zendesk-Webhook-Signature} = base64(HMAC-SHA256(secret, timestamp + body)), the timestamp being the
 * {@code X-Zendesk-Webhook-Signature-Timestamp} header (ISO 8601 in whole seconds, UTC), joined to the body with no separator.
 */
record WebhookSignature(String timestamp, String signature) {

    static final String SIGNATURE_HEADER = "X-Zendesk-Webhook-Signature";
    static final String TIMESTAMP_HEADER = "X-Zendesk-Webhook-Signature-Timestamp";

    static WebhookSignature of(String secret, Instant at, String body) {
        String timestamp = at.truncatedTo(ChronoUnit.SECONDS).toString();
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal((timestamp + body).getBytes(StandardCharsets.UTF_8));
            return new WebhookSignature(timestamp, Base64.getEncoder().encodeToString(digest));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
