package org.partnerdesk.directory.ui;

import jakarta.servlet.http.HttpServletRequest;
import org.partnerdesk.api.Actor;
import org.partnerdesk.console.ConsolePage;
import org.partnerdesk.directory.Organization;
import org.partnerdesk.directory.Organizations;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** UI-1: the portal shows partners their own entries (for my customers, NFR licenses, certifications, users). */
@ControllerAdvice(annotations = ConsolePage.class)
class PortalNavigation {

    private final Organizations organizations;

    PortalNavigation(Organizations organizations) {
        this.organizations = organizations;
    }

    /** Looked up only on portal pages, by primary key: one statement. */
    @ModelAttribute("portalPartner")
    boolean portalPartner(HttpServletRequest request) {
        if (!request.getRequestURI().startsWith(request.getContextPath() + "/portal")) {
            return false;
        }
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (!(authentication != null && authentication.getPrincipal() instanceof Actor actor) || actor.organizationId() == null) {
            return false;
        }
        return organizations.find(actor.organizationId()).map(Organization::isPartner).orElse(false);
    }
}
