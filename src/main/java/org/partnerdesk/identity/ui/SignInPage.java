package org.partnerdesk.identity.ui;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.partnerdesk.api.Actor;
import org.partnerdesk.console.ConsolePage;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.WebAttributes;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** UI-1: the one sign-in page of all three consoles ("Email", "Password", "Sign in"). */
@ConsolePage
class SignInPage {

    private final ObjectProvider<ClientRegistrationRepository> oidc;

    SignInPage(ObjectProvider<ClientRegistrationRepository> oidc) {
        this.oidc = oidc;
    }

    @GetMapping("/sign-in")
    String signIn(HttpServletRequest request, Model model) {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof Actor signedIn) {
            return "redirect:" + (signedIn.isStaff() ? "/agent" : "/portal");
        }
        HttpSession session = request.getSession(false);
        if (request.getParameter("error") != null && session != null
                && session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION) instanceof AuthenticationException refused) {
            model.addAttribute("error", refused.getMessage());
            session.removeAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
        } else if (request.getParameter("error") != null) {
            model.addAttribute("error", "That e-mail and password don't match an active account.");
        }
        model.addAttribute("signedOut", request.getParameter("signed-out") != null);
        model.addAttribute("expired", request.getParameter("expired") != null);
        model.addAttribute("passwordSet", request.getParameter("password-set") != null);
        model.addAttribute("oidc", oidc.getIfAvailable() != null);
        return "identity/sign-in";
    }
}
