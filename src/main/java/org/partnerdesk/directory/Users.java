package org.partnerdesk.directory;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.partnerdesk.api.Actor;
import org.partnerdesk.api.ApiException;
import org.partnerdesk.api.CursorPage;
import org.partnerdesk.api.KeysetRequest;
import org.partnerdesk.api.PageRequest;
import org.partnerdesk.directory.AssociationRules.Candidate;
import org.partnerdesk.directory.persistence.DirectoryAudits;
import org.partnerdesk.directory.persistence.StoredGroupMemberships;
import org.partnerdesk.directory.persistence.StoredMemberships;
import org.partnerdesk.directory.persistence.StoredOrganizations;
import org.partnerdesk.directory.persistence.StoredUsers;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** DIR-2 users: admins write, agents read, an end user sees itself. */
@Service
public class Users {

    private final StoredUsers stored;
    private final StoredOrganizations organizations;
    private final StoredMemberships memberships;
    private final StoredGroupMemberships groupMemberships;
    private final AssociationRules rules;
    private final DirectoryAudits audits;
    private final DirectoryFacts facts;

    Users(StoredUsers stored, StoredOrganizations organizations, StoredMemberships memberships,
          StoredGroupMemberships groupMemberships, AssociationRules rules, DirectoryAudits audits) {
        this.stored = stored;
        this.organizations = organizations;
        this.memberships = memberships;
        this.groupMemberships = groupMemberships;
        this.rules = rules;
        this.audits = audits;
        this.facts = DirectoryFacts.of(stored, organizations);
    }

    /** Where the user is to belong: {@code keep} leaves a PUT's membership alone. */
    public sealed interface Placement {
        record Keep() implements Placement {
        }

        record In(@Nullable Long organizationId) implements Placement {
        }
    }

    @Transactional
    public User create(Actor actor, UserDetails values, @Nullable Long organizationId) {
        Organization target = checkCreate(actor, values, organizationId, facts);
        long id = stored.insert(values);
        if (target != null) {
            memberships.insert(id, target.id());
        }
        audits.record(actor.userId(), "user", id, "create", changes(values, organizationId));
        return stored.find(id).orElseThrow();
    }

    /** One record of a batch create: the user's values and the organization it is to join, if any. */
    public record NewUser(UserDetails values, @Nullable Long organizationId) {
    }

    /**
     * Issue #17 item 3: many users, each decided by the rules {@link #create} applies, in order, so a record meets the users
     * created before it in the batch as it would meet them created one by one; the accepted ones are written in a handful of
     * statements and audited as {@link #create} audits. A refused record writes nothing and is answered with its refusal.
     */
    @Transactional
    public List<Creation> createAll(Actor actor, List<NewUser> users) {
        DirectoryFacts.Loaded known = load(users);
        java.util.Iterator<Long> ids = stored.reserveIds(users.size()).iterator();
        List<Creation> outcomes = new java.util.ArrayList<>(users.size());
        Map<Long, UserDetails> created = new LinkedHashMap<>();
        List<StoredMemberships.Placement> joins = new java.util.ArrayList<>();
        List<Map<String, Object>> changes = new java.util.ArrayList<>();
        for (NewUser user : users) {
            UserDetails values = user.values();
            Organization target;
            try {
                target = checkCreate(actor, values, user.organizationId(), known);
            } catch (ApiException refusal) {
                outcomes.add(new Creation.Refused(refusal));
                continue;
            }
            long id = ids.next();
            known.add(new User(id, values.name(), values.email(), values.role(), target == null ? null : target.id(),
                    values.externalId(), values.managerId(), true, null, java.time.Instant.EPOCH, java.time.Instant.EPOCH));
            created.put(id, values);
            if (target != null) {
                joins.add(new StoredMemberships.Placement(id, target.id()));
            }
            changes.add(changes(values, user.organizationId()));
            outcomes.add(new Creation.Created(id));
        }
        stored.insertWithIds(created);
        memberships.insertAll(joins);
        audits.recordAll(actor.userId(), "user", "create", List.copyOf(created.keySet()), changes);
        return outcomes;
    }

    // what the batch's records name, in four queries: users by e-mail or external id, managers, organizations, domain claims
    private DirectoryFacts.Loaded load(List<NewUser> users) {
        DirectoryFacts.Loaded known = new DirectoryFacts.Loaded(organizations);
        stored.lockByExternalIdsOrEmails(
                users.stream().map(u -> u.values().externalId()).filter(java.util.Objects::nonNull).toList(),
                users.stream().map(u -> u.values().email()).toList()).forEach(known::add);
        List<Long> managers = users.stream().map(u -> u.values().managerId()).filter(java.util.Objects::nonNull).distinct().toList();
        stored.findAll(managers).forEach(known::add);
        List<Long> targets = users.stream().map(NewUser::organizationId).filter(java.util.Objects::nonNull).distinct().sorted().toList();
        List<Organization> loaded = targets.isEmpty() ? List.of() : organizations.lockAll(targets);
        loaded.forEach(known::add);
        Map<Long, Organization> byId = new java.util.HashMap<>();
        loaded.forEach(o -> byId.put(o.id(), o));
        // DIR-3 asks who claims a contact's domain only when the organization it joins does not claim it
        List<String> domains = users.stream()
                .filter(u -> u.organizationId() != null && byId.containsKey(u.organizationId())
                        && org.partnerdesk.api.EmailAddress.isValid(u.values().email()))
                .filter(u -> !byId.get(u.organizationId()).domainNames().contains(DirectoryFacts.Loaded.domainOf(u.values().email())))
                .map(u -> DirectoryFacts.Loaded.domainOf(u.values().email()))
                .distinct().toList();
        known.claimed(domains, domains.isEmpty() ? List.of() : organizations.claimingAnyDomain(domains));
        return known;
    }

    // DIR-2, DIR-3, DIR-4: every rule a new user meets, for one create and for each record of a batch alike
    private @Nullable Organization checkCreate(Actor actor, UserDetails values, @Nullable Long organizationId, DirectoryFacts facts) {
        actor.requireAdmin();
        checkEmail(values.email(), null, facts);
        checkExternalId(values.externalId(), null, facts);
        checkManager(values.managerId(), null, facts);
        Organization target = organizationId == null ? null : organization(organizationId, facts);
        if (target != null) {
            rules.checkJoin(actor, new Candidate(values.email(), values.role(), null), null, target, facts.claims());
        }
        return target;
    }

    @Transactional
    public User update(Actor actor, long id, UserDetails values, Placement placement) {
        actor.requireAdmin();
        User before = stored.findForUpdate(id).orElseThrow(() -> ApiException.notFound("User " + id));
        checkStaysStaffWhileInGroups(before, values);
        checkEmail(values.email(), before, facts);
        checkExternalId(values.externalId(), before, facts);
        checkManager(values.managerId(), before, facts);
        Candidate candidate = new Candidate(values.email(), values.role(), before.contactSide());
        if (placement instanceof Placement.In(Long organizationId) && !java.util.Objects.equals(organizationId, before.organizationId())) {
            place(actor, before, candidate, organizationId);
        } else {
            checkStaysStaffWhileInInternalOrganization(before, candidate);
        }
        stored.update(id, values);
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("before", UserDetails.of(before));
        changes.put("after", values);
        changes.put("organization_id", placement instanceof Placement.In(Long organizationId) ? organizationId : before.organizationId());
        audits.record(actor.userId(), "user", id, "update", changes);
        return stored.find(id).orElseThrow();
    }

    public User find(Actor actor, long id) {
        // #10: an end user sees only itself; anyone else answers as a user that does not exist, so ids tell nothing
        if (!actor.isStaff() && actor.userId() != id) {
            throw ApiException.notFound("User " + id);
        }
        User user = stored.find(id).orElseThrow(() -> ApiException.notFound("User " + id));
        return user;
    }

    public User me(Actor actor) {
        return stored.find(actor.userId()).orElseThrow(() -> ApiException.notFound("User " + actor.userId()));
    }

    public CursorPage<User> page(Actor actor, PageRequest page, @Nullable Long organizationId) {
        // an end user sees itself, not the other members of its organization (find refuses them one by one too);
        // #15 (UI-1 "Portal"): a partner's users read their own organization's users, the people they work with
        if (!actor.isStaff() && !isOwnPartner(actor, organizationId)) {
            throw ApiException.forbidden("You can see only yourself: GET /api/v2/users/me.");
        }
        return CursorPage.of(stored.page(page.afterId(), page.fetchSize(), organizationId), page, User::id);
    }

    private boolean isOwnPartner(Actor actor, @Nullable Long organizationId) {
        return organizationId != null && actor.belongsTo(organizationId)
                && organizations.find(organizationId).map(Organization::isPartner).orElse(false);
    }

    public CursorPage<User> search(Actor actor, String query, PageRequest page) {
        actor.requireStaff();
        return CursorPage.of(stored.search(query.strip(), page.afterId(), page.fetchSize()), page, User::id);
    }

    /**
     * UI-1 operations console (#16): users by name, keyset-paged; {@code query} is the beginning of a name, or with an
     * {@code @} the beginning of an e-mail address, which then orders the list. Staff only, like the list.
     */
    public CursorPage<User> byName(Actor actor, String query, KeysetRequest page) {
        actor.requireStaff();
        String typed = query.strip().toLowerCase(java.util.Locale.ROOT);
        boolean byEmail = typed.contains("@");
        KeysetRequest.Position after = page.after();
        List<User> found = stored.byName(typed, byEmail, after == null ? null : after.key() == null ? "" : after.key(),
                after == null ? 0 : after.id(), page.fetchSize());
        return CursorPage.of(found, page, u -> new KeysetRequest.Position(
                (byEmail ? u.email() : u.name()).toLowerCase(java.util.Locale.ROOT), u.id()));
    }

    /** UI-1: the users a page of tickets names, in one query; staff only, as listing users is (#10). */
    public List<User> findMany(Actor actor, Collection<Long> ids) {
        actor.requireStaff();
        return stored.findAll(ids);
    }

    /** For other modules, which apply their own authorization. */
    public Optional<User> find(long id) {
        return stored.find(id);
    }

    /** For other modules, which apply their own authorization: the users of a page of records, in one query. */
    public List<User> findAll(Collection<Long> ids) {
        return stored.findAll(ids);
    }

    /** The agents and admins a ticket can be assigned to (staff only), by name; at most {@code limit}. */
    public List<User> staff(Actor actor, int limit) {
        actor.requireStaff();
        return stored.staff(limit);
    }

    public Optional<User> findByEmail(String email) {
        return stored.findByEmail(email);
    }

    /** Creates a user with no actor to check, for start-up and demo data. */
    @Transactional
    public User provision(UserDetails values, @Nullable Long organizationId) {
        long id = stored.insert(values);
        if (organizationId != null) {
            memberships.insert(id, organizationId);
        }
        audits.record(null, "user", id, "create", changes(values, organizationId));
        return stored.find(id).orElseThrow();
    }

    /** A CC named by e-mail who is not in the directory yet, as Zendesk adds one: an end user without organization. */
    @Transactional
    public User provisionEndUser(String email) {
        int at = email.indexOf('@');
        return provisionEndUser(email, at > 0 ? email.substring(0, at) : email); // named by its local part; the e-mail is checked there
    }

    /** Start-up (SPEC 7): makes sure a user with this e-mail exists and is an admin. */
    @Transactional
    public User ensureAdmin(String email, String name) {
        Optional<User> existing = stored.findByEmail(email);
        if (existing.isEmpty()) {
            return provision(new UserDetails(name, email, org.partnerdesk.api.Role.ADMIN, null, null), null);
        }
        User user = existing.get();
        if (user.role() != org.partnerdesk.api.Role.ADMIN) {
            UserDetails promoted = new UserDetails(user.name(), user.email(), org.partnerdesk.api.Role.ADMIN, user.externalId(), user.managerId());
            stored.update(user.id(), promoted);
            audits.record(null, "user", user.id(), "update", Map.of("before", UserDetails.of(user), "after", promoted));
        }
        return stored.find(user.id()).orElseThrow();
    }

    private void place(Actor actor, User user, Candidate candidate, @Nullable Long organizationId) {
        Organization current = user.organizationId() == null ? null : organizations.findForUpdate(user.organizationId()).orElse(null);
        if (organizationId == null) {
            if (current != null) {
                rules.checkLeave(actor, current);
                memberships.deleteOfUser(user.id());
            }
            return;
        }
        Organization target = organization(organizationId, facts);
        rules.checkJoin(actor, candidate, current, target);
        if (current == null) {
            memberships.insert(user.id(), target.id());
        } else {
            memberships.move(user.id(), target.id());
        }
    }

    private static Organization organization(long id, DirectoryFacts facts) {
        return facts.organizationForUpdate(id).orElseThrow(() -> ApiException.invalid("organization_id", "not_found",
                "names no organization (" + id + ")"));
    }

    // DIR-8: only agents and admins belong to teams; an end user keeping a membership would keep the team's permissions
    private void checkStaysStaffWhileInGroups(User before, UserDetails values) {
        if (before.role().isStaff() && !values.role().isStaff() && groupMemberships.hasAny(before.id())) {
            throw DirectoryRuleViolation.invalid(DirectoryRule.DIR_8, "role", before.email()
                    + " is in groups; only agents and admins belong to groups. Remove the group memberships first.");
        }
    }

    // DIR-3: internal organizations are for staff; a change of role must not leave an end user in one
    private void checkStaysStaffWhileInInternalOrganization(User before, Candidate candidate) {
        if (before.organizationId() != null && before.role().isStaff() && !candidate.role().isStaff()) {
            rules.checkMayStay(candidate, organizations.findForUpdate(before.organizationId()).orElseThrow());
        }
    }

    private static void checkEmail(String email, @Nullable User existing, DirectoryFacts facts) {
        if (!org.partnerdesk.api.EmailAddress.isValid(email)) {
            throw ApiException.invalid("email", "invalid_value", email + " is not an e-mail address");
        }
        facts.userWithEmail(email).filter(u -> existing == null || u.id() != existing.id()).ifPresent(u -> {
            throw ApiException.invalid("email", "duplicate", email + " is already the e-mail of user " + u.id());
        });
    }

    private static void checkExternalId(@Nullable String externalId, @Nullable User existing, DirectoryFacts facts) {
        if (externalId != null) {
            facts.userWithExternalId(externalId).filter(u -> existing == null || u.id() != existing.id()).ifPresent(u -> {
                throw ApiException.invalid("external_id", "duplicate", "has already been taken by user " + u.id());
            });
        }
    }

    private static void checkManager(@Nullable Long managerId, @Nullable User existing, DirectoryFacts facts) {
        if (managerId == null) {
            return;
        }
        User manager = facts.user(managerId).orElseThrow(() -> ApiException.invalid("manager_id", "not_found",
                "names no user (" + managerId + ")"));
        if (!manager.role().isStaff() || (existing != null && manager.id() == existing.id())) {
            throw ApiException.invalid("manager_id", "invalid_value", "must be another agent or admin");
        }
    }

    private static Map<String, Object> changes(UserDetails values, @Nullable Long organizationId) {
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("values", values);
        changes.put("organization_id", organizationId);
        return changes;
    }

    /** For other modules, which apply their own authorization: the members of an organization (PO-3 reminders). */
    public java.util.List<User> membersOf(long organizationId) {
        return stored.members(organizationId, 1_000);
    }

    /** PO-1: a person known by name and e-mail, not yet in any organization (an applicant); the e-mail is checked. */
    @Transactional
    public User provisionEndUser(String email, String name) {
        checkEmail(email, null, facts);
        return provision(new UserDetails(name, email, org.partnerdesk.api.Role.END_USER, null, null), null);
    }

    /**
     * For other modules that authorize the write themselves (PO-1 approval, PO-2 portal access): the user joins the
     * organization under DIR-3 and DIR-4, as {@code by} (whose groups lift the alliance lock), audited.
     */
    @Transactional
    public User join(Actor by, long userId, long organizationId) {
        User user = stored.findForUpdate(userId).orElseThrow(() -> ApiException.notFound("User " + userId));
        if (java.util.Objects.equals(user.organizationId(), organizationId)) {
            return user;
        }
        place(by, user, Candidate.of(user), organizationId);
        audits.record(by.userId(), "user", userId, "join", changes(UserDetails.of(user), organizationId));
        return stored.find(userId).orElseThrow();
    }
}
