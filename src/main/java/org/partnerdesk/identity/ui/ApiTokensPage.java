package org.partnerdesk.identity.ui;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.partnerdesk.api.Actor;
import org.partnerdesk.api.CursorPage;
import org.partnerdesk.api.PageRequest;
import org.partnerdesk.console.ConsolePage;
import org.partnerdesk.directory.User;
import org.partnerdesk.directory.Users;
import org.partnerdesk.identity.ApiTokens;
import org.partnerdesk.identity.ApiTokens.IssuedToken;
import org.partnerdesk.identity.ApiTokens.TokenInfo;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Issue #16, API-2: {@code /ops/api-tokens} for admins: every token with its owner and creation (never a secret: only hashes
 * are kept), a new one for anyone, and revoking. A new token is shown once, on the page the creation redirects to, through
 * a flash attribute (never in an address), so reloading that page does not show it again.
 */
@ConsolePage
class ApiTokensPage {

    private static final int PAGE_SIZE = 50;
    private static final int LONGEST_DESCRIPTION = 255;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private final ApiTokens tokens;
    private final Users users;

    ApiTokensPage(ApiTokens tokens, Users users) {
        this.tokens = tokens;
        this.users = users;
    }

    /** One token as listed: its owner by name and e-mail. */
    record Row(long id, String owner, String ownerEmail, String description, String created) {
    }

    /** The new token, shown once. */
    record Created(String token, String owner, String description) implements java.io.Serializable {
    }

    @GetMapping("/ops/api-tokens")
    String list(Actor actor, HttpServletRequest request, Model model) {
        show(actor, request, model);
        if (!model.containsAttribute("owner")) {
            model.addAttribute("owner", "");
            model.addAttribute("description", "");
        }
        return "identity/api-tokens";
    }

    @PostMapping("/ops/api-tokens")
    String create(Actor actor, @RequestParam(defaultValue = "") String owner, @RequestParam(defaultValue = "") String description,
                  HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes redirect) {
        actor.requireAdmin(); // the page is the admins' (issue #16): an agent's own tokens stay with the API
        String email = owner.strip();
        String text = description.strip();
        User holder = email.isEmpty() ? users.find(actor.userId()).orElse(null) : users.findByEmail(email).orElse(null);
        String ownerError = holder == null ? "No user has the e-mail address " + email + ". Give a user's e-mail, or leave it empty for yourself." : null;
        String descriptionError = text.length() > LONGEST_DESCRIPTION
                ? "Description is " + text.length() + " characters long; shorten it to " + LONGEST_DESCRIPTION + " or fewer." : null;
        if (holder == null || descriptionError != null) {
            response.setStatus(422);
            model.addAttribute("owner", owner);
            model.addAttribute("description", description);
            model.addAttribute("ownerError", ownerError);
            model.addAttribute("descriptionError", descriptionError);
            show(actor, request, model);
            return "identity/api-tokens";
        }
        IssuedToken issued = tokens.issue(actor, holder.id(), text);
        redirect.addFlashAttribute("created", new Created(issued.token(), holder.email(), issued.description()));
        redirect.addFlashAttribute("flash", "API token created for " + holder.email() + ".");
        return "redirect:/ops/api-tokens";
    }

    @PostMapping("/ops/api-tokens/{id}/revoke")
    String revoke(Actor actor, @PathVariable long id, RedirectAttributes redirect) {
        actor.requireAdmin();
        tokens.revoke(actor, id);
        redirect.addFlashAttribute("flash", "API token " + id + " revoked: requests with it are refused from now on.");
        return "redirect:/ops/api-tokens";
    }

    private void show(Actor actor, HttpServletRequest request, Model model) {
        CursorPage<TokenInfo> page = tokens.page(actor, new PageRequest(PAGE_SIZE, PageRequest.from(request).afterId()));
        // one query for the owners of the whole page
        Map<Long, User> owners = users.findAll(page.items().stream().map(TokenInfo::userId).distinct().toList()).stream()
                .collect(Collectors.toMap(User::id, Function.identity()));
        List<Row> rows = page.items().stream().map(token -> row(token, owners.get(token.userId()))).toList();
        model.addAttribute("rows", rows);
        model.addAttribute("nextPage", page.hasMore()
                ? UriComponentsBuilder.fromPath("/ops/api-tokens").queryParam("page[after]", page.afterCursor()).encode().build().toUriString()
                : null);
    }

    private static Row row(TokenInfo token, @Nullable User owner) {
        return new Row(token.id(), owner == null ? "user " + token.userId() : owner.name(), owner == null ? "" : owner.email(),
                token.description(), WHEN.format(token.createdAt()));
    }
}
