package org.partnerdesk.partnerops.access.web;

import java.util.Map;

import org.partnerdesk.api.ErrorResponses;
import org.partnerdesk.partnerops.access.RateLimited;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** API-1: a 429 carries {@code Retry-After} (seconds) beside the usual error body. */
@RestControllerAdvice(basePackages = "org.partnerdesk.partnerops")
@Order(Ordered.HIGHEST_PRECEDENCE)
class TooManyRequestsAdvice {

    @ExceptionHandler(RateLimited.class)
    ResponseEntity<Map<String, Object>> limited(RateLimited refusal) {
        // JSON whatever Accept asks for, as every error (#10 item 8)
        return ResponseEntity.status(429).header(HttpHeaders.RETRY_AFTER, Long.toString(refusal.retryAfterSeconds()))
                .contentType(MediaType.APPLICATION_JSON).body(ErrorResponses.body(refusal));
    }
}
