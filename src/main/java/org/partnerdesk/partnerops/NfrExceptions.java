package org.partnerdesk.partnerops;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.partnerdesk.api.Actor;
import org.partnerdesk.api.ApiException;
import org.partnerdesk.api.CursorPage;
import org.partnerdesk.api.PageRequest;
import org.partnerdesk.directory.Groups;
import org.partnerdesk.directory.NfrLicense;
import org.partnerdesk.directory.Organization;
import org.partnerdesk.directory.Organizations;
import org.partnerdesk.directory.User;
import org.partnerdesk.directory.Users;
import org.partnerdesk.partnerops.NfrException.Capacity;
import org.partnerdesk.partnerops.NfrException.Decision;
import org.partnerdesk.partnerops.NfrException.Verdict;
import org.partnerdesk.partnerops.nfr.persistence.NfrAudits;
import org.partnerdesk.partnerops.nfr.persistence.StoredNfrExceptions;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * PO-4 [003]: NFR requests outside the policy. A channel manager asks, for a compliant partner with a standard
 * request; a Programs Director and the channel manager's own Channel Director (their {@code manager_id}) both approve,
 * or either declines; Partner Operations fulfil it once approved.
 */
@Service
public class NfrExceptions {

    /** What a channel manager asks for. */
    public record Ask(long nfrRequestId, int users, String businessJustification) {
    }

    private final StoredNfrExceptions stored;
    private final NfrRequests requests;
    private final Organizations organizations;
    private final Users users;
    private final Groups groups;
    private final NfrAudits audits;
    private final Clock clock;
    private final ApplicationEventPublisher publisher;

    NfrExceptions(StoredNfrExceptions stored, NfrRequests requests, Organizations organizations, Users users, Groups groups,
                  NfrAudits audits, Clock clock, ApplicationEventPublisher publisher) {
        this.stored = stored;
        this.requests = requests;
        this.organizations = organizations;
        this.users = users;
        this.groups = groups;
        this.audits = audits;
        this.clock = clock;
        this.publisher = publisher;
    }

    @Transactional
    public NfrException request(Actor actor, Ask ask) {
        requireMayAsk(actor);
        NfrRequest standard = requests.lock(ask.nfrRequestId()).orElseThrow(() -> new NfrRefusal("PO-4", "nfr_request_id",
                "names no NFR request (" + ask.nfrRequestId() + "): the partner first submits a standard NFR request (PO-3)"));
        Organization partner = organizations.find(standard.organizationId()).orElseThrow();
        // PO-4 [003]: a partner not compliant with its track's requirements cannot get an exception, whatever the reason
        if (!partner.trackCompliant()) {
            throw new NfrRefusal("PO-4", "nfr_request_id", partner.name() + " is not compliant with its track's requirements;"
                    + " a non-compliant partner cannot receive an NFR exception");
        }
        if (!standard.isOpen()) {
            throw new NfrRefusal("PO-4", "nfr_request_id", "NFR request " + standard.id() + " is " + standard.status().code()
                    + "; ask the partner to submit a new standard NFR request for the exception to apply to");
        }
        long director = channelDirectorOf(actor);
        NfrException created;
        try {
            stored.openOn(standard.id()).ifPresent(open -> {
                throw new NfrRefusal("PO-4", "nfr_request_id", "NFR exception " + open.id() + " is already " + open.status().code()
                        + " on request " + standard.id());
            });
            created = stored.insert(NfrException.requested(standard.id(), partner.id(), actor.userId(), director, ask.users(),
                    ask.businessJustification(), now()));
        } catch (DuplicateKeyException raced) {
            throw new NfrRefusal("PO-4", "nfr_request_id", "an NFR exception is already open on request " + standard.id());
        }
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("status", created.status().code());
        changes.put("nfr_request_id", standard.id());
        changes.put("users", ask.users());
        changes.put("channel_director_id", director);
        audits.record(actor.userId(), "nfr_exception", created.id(), "request", changes);
        Set<Long> deciders = new LinkedHashSet<>();
        deciders.add(director);
        groups.membersOf(Groups.PROGRAMS_DIRECTORS).forEach(u -> deciders.add(u.id()));
        deciders.remove(actor.userId());
        publisher.publishEvent(new NfrExceptionRequested(created.id(), standard.id(), partner.name(), actor.userId(), ask.users(),
                ask.businessJustification(), List.copyOf(deciders)));
        return created;
    }

    @Transactional
    public NfrException decide(Actor actor, long id, Verdict verdict, @Nullable String comment) {
        actor.requireStaff(); // #10: exceptions are staff's; an end user learns nothing of which ids exist, nor who decides
        NfrException exception = stored.lock(id).orElseThrow(() -> ApiException.notFound("NFR exception " + id));
        if (actor.userId() == exception.requestedBy()) {
            throw ApiException.forbidden("You asked for NFR exception " + id + "; the directors decide on it (PO-4).");
        }
        Decision decision = new Decision(actor.userId(), capacityOf(actor, exception), verdict, comment, now());
        NfrException decided = stored.update(exception.decide(decision), decision);
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("verdict", verdict.code());
        changes.put("capacity", decision.capacity().code());
        changes.put("comment", comment);
        changes.put("status", decided.status().code());
        changes.put("previous_status", exception.status().code());
        audits.record(actor.userId(), "nfr_exception", id, "decide", changes);
        List<Long> fulfillers = decided.isApproved() ? groups.membersOf(Groups.PARTNER_OPERATIONS).stream().map(User::id).toList() : List.of();
        publisher.publishEvent(new NfrExceptionDecided(id, partnerName(decided), decided.requestedBy(), actor.userId(),
                decision.capacity(), verdict, comment, decided.status(), fulfillers));
        return decided;
    }

    @Transactional
    public NfrException fulfil(Actor actor, long id) {
        OwnerGroup.require(actor, Groups.PARTNER_OPERATIONS, "fulfil NFR exceptions", "PO-4");
        NfrException exception = stored.lock(id).orElseThrow(() -> ApiException.notFound("NFR exception " + id));
        exception.checkFulfillable();
        NfrRequest standard = requests.lock(exception.nfrRequestId()).orElseThrow();
        Organization partner = organizations.find(exception.organizationId()).orElseThrow();
        NfrLicense license = requests.issue(actor.userId(), partner, standard.plan(), exception.users());
        NfrException fulfilled = stored.update(exception.fulfil(license.id(), actor.userId(), now()), null);
        if (standard.isOpen()) {
            requests.supersede(standard, license.id(), actor.userId());
            audits.record(actor.userId(), "nfr_request", standard.id(), "supersede",
                    Map.of("status", "superseded", "nfr_exception_id", id, "nfr_license_id", license.id()));
        }
        audits.record(actor.userId(), "nfr_exception", id, "fulfil", Map.of("status", fulfilled.status().code(), "nfr_license_id", license.id()));
        publisher.publishEvent(new NfrLicenseIssued("exception", standard.id(), id, license.id(), partner.name(), license.plan().code(),
                license.users(), license.term().startsOn(), license.term().endsOn(), List.of(standard.submitterId(), exception.requestedBy())));
        return fulfilled;
    }

    /** Approvals are internal: staff read them. */
    public NfrException find(Actor actor, long id) {
        actor.requireStaff();
        return stored.find(id).orElseThrow(() -> ApiException.notFound("NFR exception " + id));
    }

    /**
     * PO-4, #15: where the exception on each of these NFR requests stands, for the partner's own requests (staff: any).
     * Requests of another organization are left out, as if they had none.
     */
    public Map<Long, NfrException.Standing> standingsOn(Actor actor, List<NfrRequest> nfrRequests) {
        List<Long> ids = nfrRequests.stream().filter(r -> actor.isStaff() || actor.belongsTo(r.organizationId())).map(NfrRequest::id).toList();
        Map<Long, NfrException.Standing> standings = new LinkedHashMap<>();
        stored.latestOn(ids).forEach(standing -> standings.put(standing.nfrRequestId(), standing));
        return standings;
    }

    /** PO-4: the exception's audited transitions (requested, each decision, fulfilled), for staff. */
    public CursorPage<NfrAudit> audits(Actor actor, long id, PageRequest page) {
        find(actor, id);
        return CursorPage.of(audits.of("nfr_exception", id, page.afterId(), page.fetchSize()), page, NfrAudit::id);
    }

    public CursorPage<NfrException> page(Actor actor, PageRequest page, NfrException.@Nullable Status status) {
        actor.requireStaff();
        return CursorPage.of(stored.page(status, page.afterId(), page.fetchSize()), page, NfrException::id);
    }

    /** PO-4: the pending exceptions this person may decide now (their Channel Director capacity, or Programs Director). */
    public CursorPage<NfrException> awaitingDecisionOf(Actor actor, PageRequest page) {
        actor.requireStaff();
        return CursorPage.of(stored.awaitingDecisionOf(actor.userId(), actor.isMemberOf(Groups.CHANNEL_DIRECTORS),
                actor.isMemberOf(Groups.PROGRAMS_DIRECTORS), page.afterId(), page.fetchSize()), page, NfrException::id);
    }

    /** PO-4: the exception pending or approved on a standard request, if any, for staff. */
    public java.util.Optional<NfrException> openOn(Actor actor, long nfrRequestId) {
        actor.requireStaff();
        return stored.openOn(nfrRequestId);
    }

    /**
     * UI-1: the capacity in which {@link #decide} would take this person's decision now, or empty when it would refuse
     * (not pending, their own request, decided already, or neither the Channel Director nor a Programs Director).
     */
    public java.util.Optional<Capacity> capacityToDecide(Actor actor, NfrException exception) {
        if (!actor.isStaff() || exception.status() != NfrException.Status.PENDING || actor.userId() == exception.requestedBy()
                || exception.decisionBy(actor.userId()).isPresent()) {
            return java.util.Optional.empty();
        }
        try {
            Capacity capacity = capacityOf(actor, exception);
            return exception.decisionIn(capacity).isEmpty() ? java.util.Optional.of(capacity) : java.util.Optional.empty();
        } catch (ApiException refused) {
            return java.util.Optional.empty();
        }
    }

    /** UI-1: whether {@link #fulfil} would take this person's fulfilment (Partner Operations, PO-4). */
    public boolean mayFulfil(Actor actor) {
        return OwnerGroup.isMember(actor, Groups.PARTNER_OPERATIONS);
    }

    /** UI-1: whether {@link #request} would take this person's request (Channel Managers, PO-4). */
    public boolean mayAsk(Actor actor) {
        return OwnerGroup.isMember(actor, Groups.CHANNEL_MANAGERS);
    }

    // PO-4 [003]: the approver besides the Programs Director is the requesting channel manager's own manager, a Channel Director
    private long channelDirectorOf(Actor actor) {
        User manager = users.find(actor.userId()).map(User::managerId).flatMap(users::find).orElseThrow(() -> new NfrRefusal("PO-4",
                "manager_id", "you have no manager_id: an admin sets your Channel Director as your manager, who must approve the exception"));
        if (!groups.isMember(manager.id(), Groups.CHANNEL_DIRECTORS)) {
            throw new NfrRefusal("PO-4", "manager_id", "your manager " + manager.email() + " is not in Channel Directors: the exception"
                    + " needs your Channel Director's approval; an admin corrects your manager_id or the group");
        }
        return manager.id();
    }

    // PO-4: the requester's own Channel Director, or any Programs Director; nobody else, however senior
    /** PO-4: Channel Managers ask; the API asks before reading the body. */
    public void requireMayAsk(Actor actor) {
        OwnerGroup.require(actor, Groups.CHANNEL_MANAGERS, "ask for NFR exceptions", "PO-4");
    }

    /** PO-4: the requesting channel manager's Channel Director or a Programs Director; the API asks before reading the body. */
    public void requireMayDecide(Actor actor, long id) {
        actor.requireStaff(); // #10: before the id is looked up, so an end user learns nothing of which ids exist, nor who decides
        NfrException exception = stored.find(id).orElseThrow(() -> ApiException.notFound("NFR exception " + id));
        if (actor.userId() == exception.requestedBy()) {
            throw ApiException.forbidden("You asked for NFR exception " + id + "; the directors decide on it (PO-4).");
        }
        capacityOf(actor, exception);
    }

    private Capacity capacityOf(Actor actor, NfrException exception) {
        boolean channelDirector = actor.userId() == exception.channelDirectorId() && actor.isMemberOf(Groups.CHANNEL_DIRECTORS);
        boolean programsDirector = actor.isMemberOf(Groups.PROGRAMS_DIRECTORS);
        if (channelDirector && (exception.decisionIn(Capacity.CHANNEL_DIRECTOR).isEmpty() || !programsDirector)) {
            return Capacity.CHANNEL_DIRECTOR;
        }
        if (programsDirector) {
            return Capacity.PROGRAMS_DIRECTOR;
        }
        throw ApiException.forbidden("Only a Programs Director or the requesting channel manager's Channel Director (user "
                + exception.channelDirectorId() + ") may decide on NFR exception " + exception.id() + " (PO-4).");
    }

    private String partnerName(NfrException exception) {
        return organizations.find(exception.organizationId()).map(Organization::name).orElse("partner " + exception.organizationId());
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
