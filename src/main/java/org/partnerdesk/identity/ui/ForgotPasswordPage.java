package org.partnerdesk.identity.ui;

import java.time.Duration;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.partnerdesk.api.ApiException;
import org.partnerdesk.console.ConsolePage;
import org.partnerdesk.identity.PasswordResets;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * UI-1 "Forgot password?" ("Email", "Send link"): the same answer whether or not the address has an account, so the page
 * tells nobody which addresses do; only the limit per address and per e-mail shows, as it does for every address.
 */
@ConsolePage
class ForgotPasswordPage {

    static final String SENT = "If an account with a password uses that address, a link to set a new password is on its"
            + " way. Check your mail.";

    private final PasswordResets resets;

    ForgotPasswordPage(PasswordResets resets) {
        this.resets = resets;
    }

    @ModelAttribute("lifetime")
    String lifetime() {
        Duration lifetime = resets.lifetime();
        if (lifetime.toMinutes() % 60 == 0) {
            long hours = lifetime.toHours();
            return hours == 1 ? "1 hour" : hours + " hours";
        }
        return Math.max(1, lifetime.toMinutes()) + " minutes";
    }

    @GetMapping("/password/forgot")
    String form() {
        return "identity/forgot-password";
    }

    @PostMapping("/password/forgot")
    String send(@RequestParam(defaultValue = "") String email, HttpServletRequest request, HttpServletResponse response,
                Model model, RedirectAttributes redirect) {
        model.addAttribute("email", email);
        if (email.isBlank()) {
            response.setStatus(422);
            model.addAttribute("error", "Enter the e-mail address you sign in with.");
            return "identity/forgot-password";
        }
        try {
            resets.request(email, request.getRemoteAddr());
        } catch (ApiException refused) {
            response.setStatus(refused.status());
            model.addAttribute("error", refused.description());
            return "identity/forgot-password";
        }
        redirect.addFlashAttribute("flash", SENT);
        return "redirect:/password/forgot";
    }
}
