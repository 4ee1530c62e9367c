package org.partnerdesk.console;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;

/** UI-1: where Spring Security sends a signed-in person who asked for a page of another audience. */
@ConsolePage
class DeniedPage {

    @RequestMapping("/denied")
    String denied(Model model, HttpServletResponse response) {
        return PageErrors.page(403, "Not allowed", "Your account cannot open this page. Agents work in the agent console; "
                + "partners and customers in the portal.", model, response);
    }
}
