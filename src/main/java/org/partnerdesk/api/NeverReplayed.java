package org.partnerdesk.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * API-1: a POST handler whose answer is never kept for an {@code Idempotency-Key} replay, because it shows a secret once
 * (API-2 tokens, upload links) or streams a body too large to keep. The idempotency filter recognises the handler itself,
 * so no spelling of its path ({@code %61pi_tokens}, {@code //api}, {@code .json}) slips past.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface NeverReplayed {

    /** Why, with the rule id: what would be kept in the idempotency store otherwise. */
    String value();
}
