package org.partnerdesk.identity.web;

import java.util.List;

import org.partnerdesk.api.Actor;
import org.partnerdesk.api.JsonBody;
import org.partnerdesk.api.NeverReplayed;
import org.partnerdesk.identity.ApiTokens;
import org.partnerdesk.identity.ApiTokens.IssuedToken;
import org.partnerdesk.identity.ApiTokens.TokenInfo;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** {@code /api/v2/api_tokens}: the token is in the creation response only; lists never show it. */
@RestController
@RequestMapping("/api/v2/api_tokens")
class ApiTokenController {

    private final ApiTokens tokens;

    ApiTokenController(ApiTokens tokens) {
        this.tokens = tokens;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @NeverReplayed("API-2: a new API token is shown once and stored hashed; a kept answer would store it in clear")
    ApiTokenResponse create(Actor actor, @RequestBody JsonNode body) {
        JsonBody token = JsonBody.root(body, "api_token");
        Long userId = token.id("user_id");
        if (userId != null) {
            tokens.requireMayIssueFor(actor, userId);
        }
        String description = token.text("description", 255);
        token.throwIfInvalid();
        return new ApiTokenResponse(tokens.issue(actor, userId == null ? actor.userId() : userId,
                description == null ? "" : description));
    }

    @GetMapping
    ApiTokenList list(Actor actor, @RequestParam(name = "user_id", required = false) Long userId) {
        return new ApiTokenList(tokens.of(actor, userId == null ? actor.userId() : userId));
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revoke(Actor actor, @PathVariable long id) {
        tokens.revoke(actor, id);
    }

    /** The root object of a new API token, shown this once (API-2). */
    record ApiTokenResponse(IssuedToken apiToken) {
    }

    /** A user's API tokens, without their secrets (API-2). */
    record ApiTokenList(List<TokenInfo> apiTokens) {
    }
}
