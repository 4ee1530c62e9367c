package org.partnerdesk.partnerops;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.partnerdesk.api.Actor;
import org.partnerdesk.api.ApiException;
import org.partnerdesk.api.CursorPage;
import org.partnerdesk.api.PageRequest;
import org.partnerdesk.directory.Groups;
import org.partnerdesk.directory.Organization;
import org.partnerdesk.directory.Organizations;
import org.partnerdesk.directory.User;
import org.partnerdesk.directory.Users;
import org.partnerdesk.partnerops.PortalAccessRequest.Status;
import org.partnerdesk.partnerops.access.Confirmations;
import org.partnerdesk.partnerops.access.Invitations;
import org.partnerdesk.partnerops.access.OnboardingSettings;
import org.partnerdesk.partnerops.access.persistence.StoredAccessRequests;
import org.partnerdesk.partnerops.access.persistence.StoredConfirmations.Confirmation;
import org.partnerdesk.partnerops.access.persistence.StoredInvitations.Invitation;
import org.partnerdesk.partnerops.access.persistence.StoredTransitions;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * PO-2 [003]: a new person at an existing partner asks for portal access, confirming the company; Partner Operations
 * approve (the person gets a user in that organization and a single-use, expiring invitation to set a password) or
 * decline with a reason. Staff ask for a login in the demo partner company the same way, for demonstrations.
 */
@Service
public class PortalAccess {

    private final StoredAccessRequests stored;
    private final StoredTransitions transitions;
    private final Invitations invitations;
    private final Confirmations confirmations;
    private final Organizations organizations;
    private final Users users;
    private final OnboardingSettings settings;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;

    PortalAccess(StoredAccessRequests stored, StoredTransitions transitions, Invitations invitations, Confirmations confirmations,
                 Organizations organizations, Users users, OnboardingSettings settings, ApplicationEventPublisher publisher, Clock clock) {
        this.stored = stored;
        this.transitions = transitions;
        this.invitations = invitations;
        this.confirmations = confirmations;
        this.organizations = organizations;
        this.users = users;
        this.settings = settings;
        this.publisher = publisher;
        this.clock = clock;
    }

    /** What the person gives: the company they confirm, their name and e-mail (already checked for shape). */
    public record Ask(long organizationId, String name, String email) {
    }

    /**
     * Anyone may ask for a partner organization ({@code caller} empty: not signed in); a signed-in partner user only for
     * its own organization; the demo partner company takes requests from staff only. The answer is the same whether or
     * not the e-mail is known. Unless the caller is signed in with that very address, the request waits, {@code unconfirmed},
     * for the owner of the address to confirm it by mail before Partner Operations see it as pending (#10 items 1, 2):
     * approving it moves that person's account, which nobody else may set in motion.
     */
    @Transactional
    public PortalAccessRequest request(Optional<Actor> caller, Ask ask) {
        Organization organization = organizations.find(ask.organizationId()).filter(Organization::isPartner)
                .orElseThrow(() -> ApiException.invalid("organization_id", "not_found",
                        "names no partner organization (" + ask.organizationId() + "): confirm the partner company you work for"));
        boolean demo = isDemoPartner(organization);
        if (demo && !caller.map(Actor::isStaff).orElse(false)) {
            throw ApiException.forbidden(organization.name() + " is the demo partner company: only staff ask for a login there (PO-2).");
        }
        caller.filter(actor -> !actor.isStaff() && !actor.belongsTo(organization.id())).ifPresent(actor -> {
            throw ApiException.forbidden("You can ask for portal access only for people of your own organization (PO-2).");
        });
        Instant now = now();
        boolean ownAddress = caller.map(actor -> actor.email().equalsIgnoreCase(ask.email())).orElse(false);
        Status status = ownAddress ? Status.PENDING : Status.UNCONFIRMED;
        PortalAccessRequest request = stored.insert(organization.id(), ask.name(), ask.email(),
                caller.map(Actor::userId).orElse(null), status, now);
        transitions.record(Transition.PORTAL_ACCESS_REQUEST, request.id(), request.requestedBy(), null, status.code(),
                (demo ? "staff login for demonstrations in the demo partner company" : "asked for portal access to " + organization.name())
                        + (ownAddress ? "" : "; waits for the owner of " + ask.email() + " to confirm it"), now);
        if (!ownAddress) {
            askToConfirm(Transition.PORTAL_ACCESS_REQUEST, request.id(), request.email(), request.name(), "Someone asked for access to the "
                    + organization.name() + " partner portal (portal access request #" + request.id() + ") for this e-mail address.");
        }
        return request;
    }

    /** #10 items 1, 2: the owner of the address confirmed the request; it now waits for Partner Operations. */
    @Transactional
    PortalAccessRequest confirmed(long id) {
        PortalAccessRequest request = stored.lock(id).orElseThrow(() -> ApiException.notFound("Portal access request " + id));
        if (request.status() != Status.UNCONFIRMED) {
            throw ApiException.invalid("token", "invalid_value", "is not a valid confirmation: portal access request " + id
                    + " is already " + request.status().code() + ".");
        }
        Instant now = now();
        PortalAccessRequest pending = stored.confirm(id, now);
        transitions.record(Transition.PORTAL_ACCESS_REQUEST, id, null, Status.UNCONFIRMED.code(), Status.PENDING.code(),
                "the owner of " + request.email() + " confirmed it by mail", now);
        return pending;
    }

    /** Asks the owner of an address, by mail, to confirm a request someone else made in its name; shared with PO-1. */
    void askToConfirm(String recordType, long recordId, String email, String name, String request) {
        Confirmation confirmation = confirmations.issue(recordType, recordId, email);
        publisher.publishEvent(new EmailConfirmationRequested(confirmation.id(), email, name, request, confirmation.expiresAt()));
    }

    /** Partner Operations approve: the person's user joins the organization and a sign-in invitation is mailed. */
    @Transactional
    public PortalAccessRequest approve(Actor actor, long id, @Nullable String reason) {
        PortalAccessRequest request = pendingForDecision(actor, id);
        Organization organization = organizations.find(request.organizationId()).orElseThrow();
        User user = users.findByEmail(request.email()).orElseGet(() -> users.provisionEndUser(request.email(), request.name()));
        if (user.role().isStaff()) {
            throw refusal("email", request.email() + " is a staff account; a portal login needs its own e-mail address (for example an alias)");
        }
        if (user.organizationId() != null && user.organizationId() != organization.id()) {
            String current = organizations.find(user.organizationId()).map(Organization::describe).orElse("another organization");
            throw refusal("email", request.email() + " already belongs to " + current + "; a user belongs to one organization (DIR-2). "
                    + "Ask for access with another e-mail address, or move the user first");
        }
        users.join(actor, user.id(), organization.id());
        Instant now = now();
        PortalAccessRequest approved = stored.decide(id, Status.APPROVED, user.id(), actor.userId(), reason, now);
        transitions.record(Transition.PORTAL_ACCESS_REQUEST, id, actor.userId(), Status.PENDING.code(), Status.APPROVED.code(),
                reason == null ? "approved by Partner Operations" : reason, now);
        invite(user, organization, Transition.PORTAL_ACCESS_REQUEST, id, "Your access to the " + organization.name()
                + " partner portal has been approved.");
        return approved;
    }

    /** Partner Operations decline, with a reason the person reads. */
    @Transactional
    public PortalAccessRequest decline(Actor actor, long id, String reason) {
        PortalAccessRequest request = pendingForDecision(actor, id);
        Instant now = now();
        PortalAccessRequest declined = stored.decide(id, Status.DECLINED, null, actor.userId(), reason, now);
        transitions.record(Transition.PORTAL_ACCESS_REQUEST, id, actor.userId(), Status.PENDING.code(), Status.DECLINED.code(),
                reason, now);
        String organization = organizations.find(request.organizationId()).map(Organization::name).orElse("the partner");
        publisher.publishEvent(new PortalAccessAnswered(id, request.email(), request.name(), organization, Status.DECLINED,
                "Your request for access to the " + organization + " partner portal has been declined.\n\nReason: " + reason));
        return declined;
    }

    /** The invitee sets a password with the token from the mail; single use. */
    @Transactional
    public long acceptInvitation(String token, String password) {
        Invitations.Accepted accepted = invitations.accept(token, password);
        transitions.record(accepted.recordType(), accepted.recordId(), accepted.userId(), null, "invitation_accepted",
                "the invitee set a password", now());
        return accepted.userId();
    }

    /** For the invitation mail: a fresh token for a still usable invitation, its hash stored as the mail goes out. */
    public Optional<String> mintInvitationToken(long invitationId) {
        return invitations.mintToken(invitationId);
    }

    /** UI-1: empty while the invitation works, else why not, for the "Set password" page the mailed link opens. */
    public Optional<String> whyInvitationUnusable(String token) {
        return invitations.whyUnusable(token);
    }

    /** Where the invitation mail sends people: the "Set password" page (UI-1), with the token appended. */
    public String invitationLink(String token) {
        return settings.portalUrl() + "/password/set?" + InvitationLink.PARAMETER + "=" + token;
    }

    public PortalAccessRequest find(Actor actor, long id) {
        PortalAccessRequest request = stored.find(id).orElseThrow(() -> ApiException.notFound("Portal access request " + id));
        if (!actor.isStaff() && !java.util.Objects.equals(request.requestedBy(), actor.userId())) { // #10: as if it did not exist
            throw ApiException.notFound("Portal access request " + id);
        }
        return request;
    }

    public CursorPage<PortalAccessRequest> page(Actor actor, Set<Status> statuses, PageRequest page) {
        actor.requireStaff();
        return CursorPage.of(stored.page(statuses, page.afterId(), page.fetchSize()), page, PortalAccessRequest::id);
    }

    public CursorPage<Transition> audits(Actor actor, long id, PageRequest page) {
        actor.requireStaff();
        find(actor, id);
        return CursorPage.of(transitions.of(Transition.PORTAL_ACCESS_REQUEST, id, page.afterId(), page.fetchSize()), page, Transition::id);
    }

    /** PO-2 [003]: the demo partner company staff join for demonstrations, named by its external id in the settings. */
    private boolean isDemoPartner(Organization organization) {
        return !settings.demoPartnerExternalId().isEmpty() && settings.demoPartnerExternalId().equals(organization.externalId());
    }

    /** Issues the invitation and asks for its mail; shared with PO-1 sign-up. */
    void invite(User user, Organization organization, String recordType, long recordId, String occasion) {
        Invitation invitation = invitations.issue(user.id(), recordType, recordId);
        publisher.publishEvent(new SignInInvitationIssued(invitation.id(), user.email(), user.name(), organization.name(), occasion,
                invitation.expiresAt()));
    }

    // PO-2: Partner Operations own the decision; nobody decides on their own request
    /** UI-1: whether {@link #approve} and {@link #decline} would take this person's decision on this request now. */
    public boolean mayDecide(Actor actor, PortalAccessRequest request) {
        return isPartnerOperations(actor) && !isOwn(actor, request) && request.status() == Status.PENDING;
    }

    private static boolean isOwn(Actor actor, PortalAccessRequest request) {
        return java.util.Objects.equals(request.requestedBy(), actor.userId()) || request.email().equalsIgnoreCase(actor.email());
    }

    private PortalAccessRequest pendingForDecision(Actor actor, long id) {
        requirePartnerOperations(actor);
        PortalAccessRequest request = stored.lock(id).orElseThrow(() -> ApiException.notFound("Portal access request " + id));
        if (isOwn(actor, request)) {
            throw ApiException.forbidden("You cannot decide on your own portal access request: another member of Partner Operations does (PO-2).");
        }
        return request.requirePending();
    }

    /** PO-1, PO-2: Partner Operations decide; the API asks before reading the decision's body. */
    public void requireMayDecide(Actor actor) {
        requirePartnerOperations(actor);
    }

    static boolean isPartnerOperations(Actor actor) {
        return actor.isStaff() && actor.isMemberOf(Groups.PARTNER_OPERATIONS);
    }

    static void requirePartnerOperations(Actor actor) {
        if (!isPartnerOperations(actor)) {
            throw ApiException.forbidden("Only members of Partner Operations decide on partner applications and portal access (PO-1, PO-2).");
        }
    }

    private static ApiException refusal(String field, String why) {
        String description = why + " (PO-2).";
        return new ApiException(422, "RecordInvalid", description,
                java.util.Map.of(field, java.util.List.of(new ApiException.FieldError(description, "PO-2"))));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
