package org.partnerdesk.partnerops;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.partnerdesk.api.Actor;
import org.partnerdesk.api.ApiException;
import org.partnerdesk.api.CursorPage;
import org.partnerdesk.api.PageRequest;
import org.partnerdesk.directory.Organization;
import org.partnerdesk.directory.OrganizationDetails;
import org.partnerdesk.directory.OrganizationType;
import org.partnerdesk.directory.Organizations;
import org.partnerdesk.directory.PartnerTrack;
import org.partnerdesk.directory.User;
import org.partnerdesk.directory.Users;
import org.partnerdesk.partnerops.PartnerApplication.Status;
import org.partnerdesk.partnerops.access.persistence.StoredTransitions;
import org.partnerdesk.partnerops.signup.persistence.StoredApplications;
import org.partnerdesk.partnerops.signup.persistence.StoredApplications.Draft;
import org.partnerdesk.ticket.NewTicket;
import org.partnerdesk.ticket.Ticket;
import org.partnerdesk.ticket.TicketForms;
import org.partnerdesk.ticket.Tickets;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * PO-1 [003]: a company signs up to become a partner. An authorized signatory who accepts the click-through agreement
 * gets an Open-track partner organization, a user and a sign-in invitation at once; anyone else (not a signatory, questions,
 * a redline) leaves an application in review with a Partner Operations ticket, which Partner Operations approve or
 * decline. A sign-up made without the contact's own sign-in waits for the contact to confirm it by mail first (#10).
 * Partner Operations may create an account by hand only with a recorded reason. A new entity of a parent company
 * that already has a partner organization gets no second organization: it gets a billing account (PO-5).
 */
@Service
public class SignUps {

    static final String PARTNER_OPERATIONS_FORM = "Partner Operations";
    static final String ACCOUNT_CREATION = "partner_account_creation";

    private final StoredApplications stored;
    private final StoredTransitions transitions;
    private final PortalAccess portalAccess;
    private final Organizations organizations;
    private final Users users;
    private final Tickets tickets;
    private final TicketForms forms;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;

    SignUps(StoredApplications stored, StoredTransitions transitions, PortalAccess portalAccess, Organizations organizations,
            Users users, Tickets tickets, TicketForms forms, ApplicationEventPublisher publisher, Clock clock) {
        this.stored = stored;
        this.transitions = transitions;
        this.portalAccess = portalAccess;
        this.organizations = organizations;
        this.users = users;
        this.tickets = tickets;
        this.forms = forms;
        this.publisher = publisher;
        this.clock = clock;
    }

    /** What the sign-up form asks (already checked for shape). */
    public record Application(String company, @Nullable String parentCompany, String contactName, String contactEmail,
                              boolean authorizedSignatory, PartnerApplication.Agreement agreement, @Nullable String questions) {
    }

    /**
     * The portal sign-up, by anyone. The answer depends on what the applicant said and on the company, never on whether
     * the contact's e-mail is already known. Unless the caller is signed in with the contact's own e-mail address, the
     * application waits, {@code unconfirmed}, for the owner of that address to confirm it by mail (#10 items 1, 2): until
     * then no account is touched, no organization made and no ticket opened in anyone's name.
     */
    @Transactional
    public PartnerApplication apply(Application application, Optional<Actor> caller) {
        refuseSecondOrganizationOfParent(application.company(), application.parentCompany());
        Instant now = now();
        Draft draft = new Draft(application.company(), application.parentCompany(), application.contactName(), application.contactEmail(),
                application.authorizedSignatory(), application.agreement(), application.questions(), PartnerApplication.Channel.SIGN_UP, null);
        PartnerApplication unconfirmed = stored.insert(draft, Status.UNCONFIRMED, now);
        boolean ownAddress = caller.map(actor -> actor.email().equalsIgnoreCase(application.contactEmail())).orElse(false);
        if (ownAddress) {
            return goOn(unconfirmed, null, "the applicant is signed in with the contact's e-mail address", now);
        }
        transitions.record(Transition.PARTNER_APPLICATION, unconfirmed.id(), caller.map(Actor::userId).orElse(null), null,
                Status.UNCONFIRMED.code(), "waits for the owner of " + unconfirmed.contactEmail() + " to confirm it", now);
        portalAccess.askToConfirm(Transition.PARTNER_APPLICATION, unconfirmed.id(), unconfirmed.contactEmail(), unconfirmed.contactName(),
                "Someone asked for a partner account for " + unconfirmed.company() + " (partner application #" + unconfirmed.id()
                        + ") with this e-mail address as its contact.");
        return unconfirmed;
    }

    /** #10 items 1, 2: the owner of the contact's address confirmed the sign-up; it goes on as if it had just come in. */
    @Transactional
    PartnerApplication confirmed(long id) {
        PartnerApplication application = stored.lock(id).orElseThrow(() -> ApiException.notFound("Partner application " + id));
        if (application.status() != Status.UNCONFIRMED) {
            throw ApiException.invalid("token", "invalid_value", "is not a valid confirmation: partner application " + id
                    + " is already " + application.status().code().replace('_', ' ') + ".");
        }
        refuseSecondOrganizationOfParent(application.company(), application.parentCompany());
        return goOn(application, Status.UNCONFIRMED, "the owner of " + application.contactEmail() + " confirmed it by mail", now());
    }

    // PO-1 [003]: a signatory who accepts becomes a partner at once; anyone else waits for Partner Operations on a ticket
    private PartnerApplication goOn(PartnerApplication application, @Nullable Status from, String confirmation, Instant now) {
        if (application.qualifiesAtOnce()) {
            PartnerApplication approved = stored.update(application.id(), Status.APPROVED, null, null, null, null, null, now);
            transitions.record(Transition.PARTNER_APPLICATION, approved.id(), null, from == null ? null : from.code(), Status.APPROVED.code(),
                    confirmation + "; an authorized signatory accepted the click-through agreement", now);
            return provision(approved, null, "Welcome to the partner program: your partner organization "
                    + approved.company() + " has been created.");
        }
        User applicant = applicant(application);
        String why = !application.authorizedSignatory() ? "the applicant is not an authorized signatory"
                : "the applicant has questions about the agreement";
        Ticket ticket = openTicket(applicant, "Partner application: " + application.company(), describe(application)
                + "\n\nIn review because " + why + ". Approve or decline it: POST /api/v2/partner_applications/" + application.id()
                + "/approve or /decline (PO-1).");
        PartnerApplication saved = stored.update(application.id(), Status.IN_REVIEW, null, applicant.id(), ticket.id(),
                null, null, now);
        transitions.record(Transition.PARTNER_APPLICATION, saved.id(), null, from == null ? null : from.code(), Status.IN_REVIEW.code(),
                confirmation + "; in review because " + why, now);
        publisher.publishEvent(new PartnerApplicationAnswered(saved.id(), saved.contactEmail(), saved.contactName(), saved.company(),
                Status.IN_REVIEW, "We have received your application to become a partner with " + saved.company()
                + ". Partner Operations will review it and answer your questions on ticket #" + ticket.id() + "."));
        return saved;
    }

    /** PO-1 [003]: an account made by hand by Partner Operations, only with a recorded reason. */
    @Transactional
    public PartnerApplication createManually(Actor actor, Application application, @Nullable String reason) {
        PortalAccess.requirePartnerOperations(actor);
        if (reason == null || reason.isBlank()) {
            throw ApiException.invalid("manual_reason", "blank", "is required: Partner Operations create a partner account by hand"
                    + " only with a recorded reason (PO-1); partners otherwise sign up themselves");
        }
        refuseSecondOrganizationOfParent(application.company(), application.parentCompany());
        Instant now = now();
        Draft draft = new Draft(application.company(), application.parentCompany(), application.contactName(), application.contactEmail(),
                application.authorizedSignatory(), application.agreement(), application.questions(), PartnerApplication.Channel.MANUAL, reason);
        PartnerApplication approved = stored.insert(draft, Status.APPROVED, now);
        transitions.record(Transition.PARTNER_APPLICATION, approved.id(), actor.userId(), null, Status.APPROVED.code(),
                "manual account: " + reason, now);
        return provision(approved, actor, "Partner Operations have created the partner organization " + approved.company() + " for you.");
    }

    /** Partner Operations approve an application in review: organization, user and invitation, as at sign-up. */
    @Transactional
    public PartnerApplication approve(Actor actor, long id, @Nullable String reason) {
        PartnerApplication application = inReviewForDecision(actor, id);
        refuseSecondOrganizationOfParent(application.company(), application.parentCompany());
        Instant now = now();
        transitions.record(Transition.PARTNER_APPLICATION, id, actor.userId(), Status.IN_REVIEW.code(), Status.APPROVED.code(),
                reason == null ? "approved by Partner Operations" : reason, now);
        PartnerApplication approved = stored.update(id, Status.APPROVED, null, application.userId(), application.ticketId(),
                actor.userId(), reason, now);
        PartnerApplication done = provision(approved, actor, "Your application has been approved: your partner organization "
                + approved.company() + " has been created.");
        noteOnTicket(done, actor, "Partner application approved (PO-1): organization " + done.company() + " (#" + done.organizationId()
                + ") created" + (reason == null ? "." : ". Reason: " + reason));
        return done;
    }

    /** Partner Operations decline an application in review; the applicant reads the reason. */
    @Transactional
    public PartnerApplication decline(Actor actor, long id, String reason) {
        PartnerApplication application = inReviewForDecision(actor, id);
        Instant now = now();
        PartnerApplication declined = stored.update(id, Status.DECLINED, null, application.userId(), application.ticketId(),
                actor.userId(), reason, now);
        transitions.record(Transition.PARTNER_APPLICATION, id, actor.userId(), Status.IN_REVIEW.code(), Status.DECLINED.code(),
                reason, now);
        noteOnTicket(declined, actor, "Partner application declined (PO-1). Reason: " + reason);
        publisher.publishEvent(new PartnerApplicationAnswered(id, declined.contactEmail(), declined.contactName(), declined.company(),
                Status.DECLINED, "Your application to become a partner with " + declined.company()
                + " has been declined.\n\nReason: " + reason));
        return declined;
    }

    /** Staff read every application; the applicant, once a user, reads its own. */
    public PartnerApplication find(Actor actor, long id) {
        PartnerApplication application = stored.find(id).orElseThrow(() -> ApiException.notFound("Partner application " + id));
        if (!actor.isStaff() && !java.util.Objects.equals(application.userId(), actor.userId())) { // #10: as if it did not exist
            throw ApiException.notFound("Partner application " + id);
        }
        return application;
    }

    public CursorPage<PartnerApplication> page(Actor actor, Set<Status> statuses, PageRequest page) {
        actor.requireStaff();
        return CursorPage.of(stored.page(statuses, page.afterId(), page.fetchSize()), page, PartnerApplication::id);
    }

    public CursorPage<Transition> audits(Actor actor, long id, PageRequest page) {
        actor.requireStaff();
        find(actor, id);
        return CursorPage.of(transitions.of(Transition.PARTNER_APPLICATION, id, page.afterId(), page.fetchSize()), page, Transition::id);
    }

    // the Open-track organization, the contact as its first user, and the sign-in invitation; a contact who cannot join
    // (already in an organization, a customer's contact, staff) is left to Partner Operations on a ticket
    private PartnerApplication provision(PartnerApplication application, @Nullable Actor by, String occasion) {
        User contact = applicant(application);
        long creator = by != null ? by.userId() : contact.id();
        Organization organization = organizations.provision(creator, new OrganizationDetails(application.company(), null,
                OrganizationType.PARTNER, PartnerTrack.OPEN, true, application.parentCompany(),
                "Partner application #" + application.id() + " (PO-1, " + application.channel().code().replace('_', ' ') + ")",
                List.of(), false, null, null));
        Optional<String> cannotJoin = whyCannotJoin(contact);
        Long ticketId = application.ticketId();
        Long userId = null;
        if (cannotJoin.isEmpty()) {
            Actor joiner = by != null ? by : new Actor(contact.id(), contact.email(), contact.role(), null, Set.of());
            users.join(joiner, contact.id(), organization.id());
            userId = contact.id();
            portalAccess.invite(contact, organization, Transition.PARTNER_APPLICATION, application.id(), occasion);
        } else {
            String problem = application.contactEmail() + " " + cannotJoin.get();
            if (ticketId == null) {
                ticketId = openTicket(contact, "Partner organization " + organization.name() + ": connect the contact",
                        describe(application) + "\n\nOrganization #" + organization.id() + " was created, but its contact was not added: "
                                + problem + ". Add a contact for the partner by hand (PO-1).").id();
            } else {
                tickets.addInternalNote(ticketId, null, "The contact was not added to organization #" + organization.id() + ": " + problem + ".");
            }
            publisher.publishEvent(new PartnerApplicationAnswered(application.id(), application.contactEmail(), application.contactName(),
                    application.company(), Status.APPROVED, occasion + " Partner Operations will connect your sign-in to it"
                    + " and contact you."));
        }
        return stored.update(application.id(), Status.APPROVED, organization.id(), userId, ticketId,
                application.decidedBy(), application.decisionReason(), now());
    }

    // DIR-2/DIR-3: a user belongs to one organization, customers' contacts never join a partner, staff keep their own
    private Optional<String> whyCannotJoin(User contact) {
        if (contact.role().isStaff()) {
            return Optional.of("is a staff account");
        }
        if (contact.organizationId() != null) {
            return Optional.of("already belongs to organization #" + contact.organizationId() + " (a user belongs to one organization, DIR-2)");
        }
        if (contact.contactSide() == OrganizationType.CUSTOMER) {
            return Optional.of("is a customer contact, who cannot join a partner organization (DIR-3)");
        }
        return organizations.claimingDomain(contact.domain()).stream().filter(Organization::isCustomer).findFirst()
                .map(customer -> "is in the e-mail domain of customer " + customer.name()
                        + ", whose contacts cannot join a partner organization (DIR-3)");
    }

    // PO-5 [003]: never a new organization for an entity of the same parent company
    private void refuseSecondOrganizationOfParent(String company, @Nullable String parentCompany) {
        List<Organization> existing = new java.util.ArrayList<>(organizations.partnersOfParentCompany(company));
        if (parentCompany != null && !parentCompany.isBlank()) {
            organizations.partnersOfParentCompany(parentCompany).stream().filter(o -> !existing.contains(o)).forEach(existing::add);
        }
        if (!existing.isEmpty()) {
            Organization partner = existing.getFirst();
            String parent = partner.parentCompany() == null ? partner.name() : partner.parentCompany();
            String field = parentCompany != null && !parentCompany.isBlank() ? "parent_company" : "company";
            String why = company + " belongs to parent company " + parent + ", which already has the partner organization " + partner.name()
                    + ". A new entity of the same parent gets no second organization: ask for a billing account under "
                    + partner.name() + " instead (PO-5: POST /api/v2/billing_accounts, or ask Partner Operations).";
            throw new ApiException(422, "RecordInvalid", why, Map.of(field, List.of(new ApiException.FieldError(why, "PO-5"))));
        }
    }

    private User applicant(PartnerApplication application) {
        if (application.userId() != null) {
            return users.find(application.userId()).orElseThrow();
        }
        return users.findByEmail(application.contactEmail())
                .orElseGet(() -> users.provisionEndUser(application.contactEmail(), application.contactName()));
    }

    // PO-1, PO-6: a Partner Operations ticket of type partner account creation, from the applicant, so replies reach them
    private Ticket openTicket(User requester, String subject, String body) {
        long formId = forms.formNamed(PARTNER_OPERATIONS_FORM).id();
        Map<Long, Object> fields = Map.of(forms.fieldId(TicketForms.REQUEST_TYPE), ACCOUNT_CREATION);
        Actor asRequester = new Actor(requester.id(), requester.email(), requester.role(), requester.organizationId(), Set.of());
        return tickets.create(asRequester, NewTicket.opening(subject, body, formId).withFields(fields).tagged(List.of("partner_application")));
    }

    private void noteOnTicket(PartnerApplication application, Actor actor, String note) {
        if (application.ticketId() != null) {
            tickets.addInternalNote(application.ticketId(), actor.userId(), note);
        }
    }

    // PO-1: Partner Operations own the decision; nobody decides on their own application
    /** PO-1: Partner Operations decide; the API asks before reading the decision's body. */
    public void requireMayDecide(Actor actor) {
        PortalAccess.requirePartnerOperations(actor);
    }

    /** UI-1: whether {@link #createManually} would take this person's account (PO-1: Partner Operations only). */
    public boolean mayCreateManually(Actor actor) {
        return PortalAccess.isPartnerOperations(actor);
    }

    /** PO-1: the pages ask before showing or reading the form of an account made by hand, as {@link #createManually} does. */
    public void requireMayCreateManually(Actor actor) {
        PortalAccess.requirePartnerOperations(actor);
    }

    /** UI-1: whether {@link #approve} and {@link #decline} would take this person's decision on this application now. */
    public boolean mayDecide(Actor actor, PartnerApplication application) {
        return PortalAccess.isPartnerOperations(actor) && !isOwn(actor, application) && application.status() == Status.IN_REVIEW;
    }

    private static boolean isOwn(Actor actor, PartnerApplication application) {
        return java.util.Objects.equals(application.userId(), actor.userId()) || application.contactEmail().equalsIgnoreCase(actor.email());
    }

    private PartnerApplication inReviewForDecision(Actor actor, long id) {
        PortalAccess.requirePartnerOperations(actor);
        PartnerApplication application = stored.lock(id).orElseThrow(() -> ApiException.notFound("Partner application " + id));
        if (isOwn(actor, application)) {
            throw ApiException.forbidden("You cannot decide on your own partner application: another member of Partner Operations does (PO-1).");
        }
        return application.requireInReview();
    }

    private static String describe(PartnerApplication a) {
        return "Company: " + a.company() + (a.parentCompany() == null ? "" : "\nParent company: " + a.parentCompany())
                + "\nContact: " + a.contactName() + " <" + a.contactEmail() + ">"
                + "\nAuthorized signatory: " + (a.authorizedSignatory() ? "yes" : "no")
                + "\nAgreement: " + a.agreement().code()
                + (a.questions() == null ? "" : "\nQuestions: " + a.questions());
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
