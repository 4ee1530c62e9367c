package org.partnerdesk.console;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;

/** WCAG 2.2.1: "Stay signed in" touches the session (Spring Session renews it on access) and shows nothing. */
@ConsolePage
class KeepAlive {

    @GetMapping("/live/keep-alive")
    ResponseEntity<Void> keepAlive() {
        return ResponseEntity.noContent().build();
    }
}
