package org.partnerdesk.identity.ui;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;
import org.partnerdesk.api.ApiException;
import org.partnerdesk.console.ConsolePage;
import org.partnerdesk.identity.PasswordLink;
import org.partnerdesk.identity.Passwords;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * UI-1 "Set password" ("New password", "Set password"): the page a mailed link opens, a forgot-password link
 * ({@code ?token=}) or a PO-1/PO-2 invitation ({@code ?invitation=}). Each kind of link is checked by the module that
 * mailed it ({@link PasswordLink}); the password rules of {@link Passwords#problemWith} are shown next to the field.
 */
@ConsolePage
class SetPasswordPage {

    private static final String TEMPLATE = "identity/set-password";
    private static final int LONGEST_TOKEN = 200;

    private final List<PasswordLink> links;

    SetPasswordPage(List<PasswordLink> links) {
        this.links = List.copyOf(links);
    }

    private record Opened(PasswordLink link, String token) {
    }

    @GetMapping("/password/set")
    String form(@RequestParam Map<String, String> parameters, Model model) {
        Opened opened = opened(parameters);
        show(opened, model);
        whyUnusable(opened).ifPresent(why -> model.addAttribute("unusable", why));
        return TEMPLATE;
    }

    @PostMapping("/password/set")
    String set(@RequestParam Map<String, String> parameters, @RequestParam(defaultValue = "") String password, Model model,
               HttpServletResponse response) {
        Opened opened = opened(parameters);
        show(opened, model);
        Optional<String> unusable = whyUnusable(opened);
        if (unusable.isPresent()) {
            response.setStatus(422);
            model.addAttribute("unusable", unusable.get());
            return TEMPLATE;
        }
        try {
            opened.link().setPassword(opened.token(), password);
        } catch (ApiException refused) {
            response.setStatus(refused.status());
            explain(refused, opened, model);
            return TEMPLATE;
        }
        return "redirect:/sign-in?password-set";
    }

    private Opened opened(Map<String, String> parameters) {
        for (PasswordLink link : links) {
            String token = parameters.get(link.parameter());
            if (token != null && !token.isBlank()) {
                return new Opened(link, token.strip());
            }
        }
        throw new ApiException(404, "RecordNotFound", "This address is not a whole link to set a password. Open the link"
                + " from the mail again, or ask for a new one on the sign-in page (Forgot password?).");
    }

    private static Optional<String> whyUnusable(Opened opened) {
        return opened.token().length() > LONGEST_TOKEN
                ? Optional.of("This link is not valid. Open the link from the mail again, or ask for a new one.")
                : opened.link().whyUnusable(opened.token());
    }

    private static void show(Opened opened, Model model) {
        model.addAttribute("parameter", opened.link().parameter());
        model.addAttribute("token", opened.token());
        model.addAttribute("minLength", Passwords.MIN_LENGTH);
    }

    // the refusal's field says where it belongs: next to "New password", or instead of the form when the link was spent meanwhile
    private static void explain(ApiException refused, Opened opened, Model model) {
        List<ApiException.FieldError> password = refused.details().get("password");
        if (password != null) {
            model.addAttribute("passwordError", "Password " + password.getFirst().description());
        } else if (refused.details().containsKey("token")) {
            model.addAttribute("unusable", opened.link().whyUnusable(opened.token())
                    .orElse("This link no longer works. Ask for a new one."));
        } else {
            model.addAttribute("error", refused.description());
        }
    }
}
