package org.partnerdesk.partnerops.ui;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.partnerdesk.api.ApiException;
import org.partnerdesk.console.ConsolePage;
import org.partnerdesk.partnerops.AddressConfirmations;
import org.partnerdesk.partnerops.PartnerApplication;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * #10 items 1, 2 in the browser: the link in the confirmation mail opens this page, and its "Confirm" button (a POST,
 * so a mail scanner that follows links confirms nothing) lets the sign-up (PO-1) or access request (PO-2) go on.
 */
@ConsolePage
class AddressConfirmationPage {

    private static final String TEMPLATE = "partnerops/confirm";
    private static final int LONGEST_TOKEN = 200;

    private final AddressConfirmations confirmations;

    AddressConfirmationPage(AddressConfirmations confirmations) {
        this.confirmations = confirmations;
    }

    @GetMapping("/portal/confirm")
    String form(@RequestParam(defaultValue = "") String token, @RequestParam(required = false) @Nullable String confirmed, Model model) {
        model.addAttribute("token", token.strip());
        model.addAttribute("confirmed", confirmed != null);
        return TEMPLATE;
    }

    @PostMapping("/portal/confirm")
    String confirm(@RequestParam(defaultValue = "") String token, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        model.addAttribute("token", token.strip());
        model.addAttribute("confirmed", false);
        try {
            if (token.isBlank() || token.length() > LONGEST_TOKEN) {
                throw ApiException.invalid("token", "invalid_value", "is not a valid confirmation");
            }
            redirect.addFlashAttribute("flash", next(confirmations.confirm(token.strip())));
            return "redirect:/portal/confirm?confirmed";
        } catch (ApiException refused) {
            response.setStatus(refused.status());
            model.addAttribute("error", "This link does not work: it was used already, has expired or is not whole. Nothing was"
                    + " changed. Sign up or ask for access again to get a new one.");
            return TEMPLATE;
        }
    }

    // what happens next, in the applicant's words (PO-1, PO-2)
    private static String next(AddressConfirmations.Confirmed confirmed) {
        return switch (confirmed) {
            case AddressConfirmations.Confirmed.Application a when a.status() == PartnerApplication.Status.APPROVED ->
                    "Thank you: your e-mail address is confirmed and your partner organization is created. Check your e-mail"
                            + " for the invitation to set your password.";
            case AddressConfirmations.Confirmed.Application a ->
                    "Thank you: your e-mail address is confirmed. Partner Operations review your application and answer by e-mail.";
            case AddressConfirmations.Confirmed.AccessRequest r ->
                    "Thank you: your e-mail address is confirmed. Partner Operations review your request; once they approve it,"
                            + " we mail you an invitation to set your password.";
        };
    }
}
