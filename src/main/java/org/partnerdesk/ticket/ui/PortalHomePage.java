package org.partnerdesk.ticket.ui;

import org.partnerdesk.console.ConsolePage;
import org.springframework.web.bind.annotation.GetMapping;

/** UI-1: where partners and customers land after sign-in; the portal's own pages follow (issue #15). */
@ConsolePage
class PortalHomePage {

    @GetMapping("/portal")
    String home() {
        return "ticket/portal-home";
    }
}
