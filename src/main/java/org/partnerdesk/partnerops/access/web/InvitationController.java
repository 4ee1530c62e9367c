package org.partnerdesk.partnerops.access.web;

import org.partnerdesk.api.JsonBody;
import org.partnerdesk.partnerops.PortalAccess;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** {@code POST /api/v2/sign_in_invitations/accept} (PO-1, PO-2): the token from the mail sets the password, once. */
@RestController
class InvitationController {

    private final PortalAccess access;

    InvitationController(PortalAccess access) {
        this.access = access;
    }

    @PostMapping("/api/v2/sign_in_invitations/accept")
    SignInInvitationResponse accept(@RequestBody(required = false) JsonNode body) {
        JsonBody invitation = JsonBody.root(body, "sign_in_invitation");
        String token = invitation.requiredText("token", 200);
        JsonNode rawPassword = body.get("sign_in_invitation").get("password");
        String password = rawPassword != null && rawPassword.isString() ? rawPassword.stringValue() : null;
        if (password == null) {
            invitation.problemWith("password", "blank", "is required");
        }
        invitation.throwIfInvalid();
        long userId = access.acceptInvitation(token, password);
        return new SignInInvitationResponse(new SignInInvitationJson(userId, "accepted"));
    }

    /** The root object of an accepted invitation (PO-2). */
    record SignInInvitationResponse(SignInInvitationJson signInInvitation) {
    }

    record SignInInvitationJson(long userId, String status) {
    }
}
