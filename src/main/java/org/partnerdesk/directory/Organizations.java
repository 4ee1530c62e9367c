package org.partnerdesk.directory;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.partnerdesk.api.Actor;
import org.partnerdesk.api.ApiException;
import org.partnerdesk.api.CursorPage;
import org.partnerdesk.api.KeysetRequest;
import org.partnerdesk.api.PageRequest;
import org.partnerdesk.directory.persistence.DirectoryAudits;
import org.partnerdesk.directory.persistence.StoredNfrLicenses;
import org.partnerdesk.directory.persistence.StoredOrganizations;
import org.partnerdesk.directory.persistence.StoredSubscriptions;
import org.partnerdesk.directory.persistence.StoredUsers;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** DIR-1 organizations: admins write, agents read, members read their own. */
@Service
public class Organizations {

    /** How many edits apart a typed domain and a known one may be for the portal to suggest the known one. */
    static final int TYPO_EDITS = 2;
    // a domain two edits away shares most of its trigrams: it is among the few nearest by trigram distance
    static final int NEAREST_DOMAINS = 20;

    private final StoredOrganizations stored;
    private final StoredUsers users;
    private final StoredSubscriptions subscriptions;
    private final StoredNfrLicenses nfrLicenses;
    private final AssociationRules rules;
    private final DirectoryAudits audits;
    private final DirectoryFacts facts;

    Organizations(StoredOrganizations stored, StoredUsers users, StoredSubscriptions subscriptions,
                  StoredNfrLicenses nfrLicenses, AssociationRules rules, DirectoryAudits audits) {
        this.stored = stored;
        this.users = users;
        this.subscriptions = subscriptions;
        this.nfrLicenses = nfrLicenses;
        this.rules = rules;
        this.audits = audits;
        this.facts = DirectoryFacts.of(users, stored);
    }

    @Transactional
    public Organization create(Actor actor, OrganizationDetails values) {
        actor.requireAdmin();
        return provision(actor.userId(), values);
    }

    @Transactional
    public Organization update(Actor actor, long id, OrganizationDetails values) {
        actor.requireAdmin();
        Organization before = stored.findForUpdate(id).orElseThrow(() -> ApiException.notFound("Organization " + id));
        checkUnique(values, before, facts);
        checkDomainsFree(values, before, facts);
        checkChange(actor, before, values);
        Organization after = stored.update(id, values);
        audits.record(actor.userId(), "organization", id, "update", Map.of("before", OrganizationDetails.of(before), "after", values));
        return after;
    }

    /** DIR-3, DIR-4, DIR-5, DIR-6 for a change of an existing organization; the CRM import (DIR-7) checks its updates here too. */
    public void checkChange(Actor actor, Organization before, OrganizationDetails values) {
        rules.checkTrackChange(actor, before, values.type(), values.track());
        if (before.type() != values.type()) {
            checkNoMembersCrossOver(before, values);
        }
        if (before.isPartner() && values.type() != OrganizationType.PARTNER) {
            checkNothingNeedsAPartner(before, values);
        }
        // DIR-5: subscriptions are for customers and partners; an internal organization holds none
        if (values.type() == OrganizationType.INTERNAL && before.type() != OrganizationType.INTERNAL
                && !subscriptions.ofOrganization(before.id()).isEmpty()) {
            throw DirectoryRuleViolation.invalid(DirectoryRule.DIR_5, "organization_fields.org_type", before.name()
                    + " holds subscriptions, which are for customer and partner organizations only; it cannot become internal.");
        }
    }

    public Organization find(Actor actor, long id) {
        // #10: an end user sees only its own organization; another answers as one that does not exist
        if (!actor.isStaff() && !actor.belongsTo(id)) {
            throw ApiException.notFound("Organization " + id);
        }
        Organization organization = stored.find(id).orElseThrow(() -> ApiException.notFound("Organization " + id));
        return organization;
    }

    public CursorPage<Organization> page(Actor actor, PageRequest page) {
        actor.requireStaff();
        return CursorPage.of(stored.page(page.afterId(), page.fetchSize()), page, Organization::id);
    }

    /**
     * UI-1 operations console (#16): organizations by name, keyset-paged. {@code query} is the beginning of a name; a
     * domain also finds the organization claiming it, and an e-mail address only that. Staff only, like the list.
     */
    public CursorPage<Organization> byName(Actor actor, String query, KeysetRequest page) {
        actor.requireStaff();
        String typed = query.strip().toLowerCase(Locale.ROOT);
        int at = typed.lastIndexOf('@');
        String prefix = at >= 0 ? null : typed;
        String domain = at >= 0 ? typed.substring(at + 1) : typed.contains(".") && !typed.contains(" ") ? typed : null;
        KeysetRequest.Position after = page.after();
        List<Organization> found = stored.byName(prefix, domain == null || domain.isEmpty() ? null : domain,
                after == null ? null : after.key() == null ? "" : after.key(), after == null ? 0 : after.id(), page.fetchSize());
        return CursorPage.of(found, page, o -> new KeysetRequest.Position(o.name().toLowerCase(Locale.ROOT), o.id()));
    }

    /** UI-1 correction (ENT-8): an agent names the organization a requester belongs to; names compare without case. */
    public Optional<Organization> withName(Actor actor, String name) {
        actor.requireStaff();
        return stored.findByName(name.strip());
    }

    public List<Organization> withExternalId(Actor actor, String externalId) {
        actor.requireStaff();
        return stored.findByExternalId(externalId).stream().toList();
    }

    /** PO-2: the partner organization a person names as the company they work for, names compared without case; for anyone. */
    public Optional<Organization> partnerNamed(String name) {
        return stored.findByName(name.strip()).filter(Organization::isPartner);
    }

    /** For other modules, which apply their own authorization. */
    public Optional<Organization> find(long id) {
        return stored.find(id);
    }

    /** TKT-9: the special process of the partner this user belongs to, if it has one. */
    public Optional<SpecialProcess> specialProcessOfPartnerMember(long userId) {
        return stored.specialProcessOfPartnerMember(userId);
    }

    /** UI-1: the organizations a page of tickets names, in one query; staff only, since it crosses organizations (#10). */
    public List<Organization> findMany(Actor actor, Collection<Long> ids) {
        actor.requireStaff();
        return stored.findAll(ids.stream().distinct().toList());
    }

    public List<Organization> findAll(List<Long> ids) {
        return stored.findAll(ids);
    }

    // DIR-3: turning a customer into a partner (or back) would carry its contacts across the line; going through
    // internal would too, one step at a time, so an organization with members keeps its type
    private void checkNoMembersCrossOver(Organization before, OrganizationDetails values) {
        var members = users.members(before.id(), 1);
        if (!members.isEmpty()) {
            throw DirectoryRuleViolation.invalid(DirectoryRule.DIR_3, "organization_fields.org_type",
                    before.name() + " has " + before.type().code() + " members (" + members.getFirst().email()
                            + "); it cannot become a " + values.type().code()
                            + " organization. Create the " + values.type().code() + " organization separately.");
        }
    }

    // DIR-5 and DIR-6: an organization named as the selling partner, or holding NFR licenses, must stay a partner
    private void checkNothingNeedsAPartner(Organization before, OrganizationDetails values) {
        if (nfrLicenses.existFor(before.id())) {
            throw DirectoryRuleViolation.invalid(DirectoryRule.DIR_6, "organization_fields.org_type", before.name()
                    + " holds NFR licenses, which belong to partners only; it cannot become a " + values.type().code() + " organization.");
        }
        if (subscriptions.anyPurchasedThrough(before.id())) {
            throw DirectoryRuleViolation.invalid(DirectoryRule.DIR_5, "organization_fields.org_type", before.name()
                    + " is the partner named on subscriptions bought through it; it cannot become a " + values.type().code() + " organization.");
        }
    }

    private static void checkUnique(OrganizationDetails values, @org.jspecify.annotations.Nullable Organization existing,
                                    DirectoryFacts facts) {
        facts.organizationWithName(values.name()).filter(o -> existing == null || o.id() != existing.id()).ifPresent(o -> {
            throw ApiException.invalid("name", "duplicate", "has already been taken by organization " + o.id());
        });
        if (values.externalId() != null) {
            facts.organizationWithExternalId(values.externalId()).filter(o -> existing == null || o.id() != existing.id()).ifPresent(o -> {
                throw ApiException.invalid("external_id", "duplicate", "has already been taken by organization " + o.id());
            });
        }
    }

    // DIR-1: an e-mail domain names one organization, since contacts without a membership are placed by it (DIR-3); only
    // domains the organization does not hold yet are checked, so an organization sharing one from before can still be edited
    private static void checkDomainsFree(OrganizationDetails values, @org.jspecify.annotations.Nullable Organization existing,
                                         DirectoryFacts facts) {
        List<String> added = values.domainNames().stream().map(d -> d.toLowerCase(java.util.Locale.ROOT))
                .filter(d -> existing == null || !existing.domainNames().contains(d)).distinct().toList();
        if (added.isEmpty()) {
            return;
        }
        facts.lockDomains(added);
        for (Organization owner : facts.claimingAnyDomain(added)) {
            if (existing != null && owner.id() == existing.id()) {
                continue;
            }
            String domain = added.stream().filter(owner.domainNames()::contains).findFirst().orElseThrow();
            throw DirectoryRuleViolation.invalid(DirectoryRule.DIR_1, "domain_names", domain + " already belongs to organization "
                    + owner.name() + " (" + owner.id() + "); an e-mail domain belongs to one organization. Use a domain of "
                    + values.name() + "'s own, or take " + domain + " off " + owner.name() + " first.");
        }
    }

    /** For other modules that authorize the write themselves (PO-1 sign-up and Partner Operations); {@link #create} once authorized. */
    @Transactional
    public Organization provision(long actorId, OrganizationDetails values) {
        checkNew(values, facts);
        Organization created = stored.insert(values);
        audits.record(actorId, "organization", created.id(), "create", Map.of("values", values));
        return created;
    }

    // DIR-1: every rule a new organization meets, for one create and for each record of a batch alike
    private static void checkNew(OrganizationDetails values, DirectoryFacts facts) {
        checkUnique(values, null, facts);
        checkDomainsFree(values, null, facts);
    }

    /**
     * Issue #17 item 3: many organizations, each decided by the rules {@link #create} applies, in order, so a record meets
     * the organizations created before it in the batch as it would meet them created one by one; the accepted ones are
     * written in one statement and audited as {@link #create} audits. A refused record writes nothing.
     */
    @Transactional
    public List<Creation> createAll(Actor actor, List<OrganizationDetails> organizations) {
        DirectoryFacts.Loaded known = load(organizations);
        java.util.Iterator<Long> ids = stored.reserveIds(organizations.size()).iterator();
        List<Creation> outcomes = new java.util.ArrayList<>(organizations.size());
        Map<Long, OrganizationDetails> created = new java.util.LinkedHashMap<>();
        for (OrganizationDetails values : organizations) {
            try {
                actor.requireAdmin();
                checkNew(values, known);
            } catch (ApiException refusal) {
                outcomes.add(new Creation.Refused(refusal));
                continue;
            }
            long id = ids.next();
            known.accepted(new Organization(id, values.name(), values.externalId(), values.type(), values.track(), values.trackCompliant(),
                    values.parentCompany(), values.notes(), values.domainNames(), values.sharesTickets(), values.specialProcess(),
                    values.chatWebhookUrl(), java.time.Instant.EPOCH, java.time.Instant.EPOCH));
            created.put(id, values);
            outcomes.add(new Creation.Created(id));
        }
        stored.insertWithIds(created);
        audits.recordAll(actor.userId(), "organization", "create", List.copyOf(created.keySet()),
                created.values().stream().map(values -> Map.of("values", values)).toList());
        return outcomes;
    }

    // what the batch's records name, in three statements: names and external ids, the domains locked, and who claims them
    private DirectoryFacts.Loaded load(List<OrganizationDetails> organizations) {
        DirectoryFacts.Loaded known = new DirectoryFacts.Loaded(stored);
        stored.lockByExternalIdsOrNames(
                organizations.stream().map(OrganizationDetails::externalId).filter(java.util.Objects::nonNull).toList(),
                organizations.stream().map(OrganizationDetails::name).toList()).forEach(known::add);
        List<String> domains = organizations.stream().flatMap(o -> o.domainNames().stream()).map(DirectoryFacts.Loaded::lower)
                .distinct().toList();
        if (!domains.isEmpty()) {
            stored.lockDomains(domains);
            known.claimed(domains, stored.claimingAnyDomain(domains));
        }
        return known;
    }

    /** PO-5: the partner organizations a company of this name already belongs to, by parent company or by name. */
    public List<Organization> partnersOfParentCompany(String company) {
        return stored.partnersOfParentCompany(company.strip());
    }

    /**
     * The portal's "did you mean acme.test?" for a mistyped customer domain: the known customer domain closest to
     * {@code domain}, at most {@link #TYPO_EDITS} edits away; empty when the domain is known or nothing is that close. Only a
     * hint for the person typing: an organization is never taken from a domain (ENT-7, DIR-3).
     */
    public Optional<String> customerDomainNear(String domain) {
        String typed = domain.strip().toLowerCase(java.util.Locale.ROOT);
        if (typed.isEmpty()) {
            return Optional.empty();
        }
        List<String> candidates = stored.customerDomainsNearest(typed, NEAREST_DOMAINS);
        if (candidates.contains(typed)) {
            return Optional.empty();
        }
        return candidates.stream()
                .filter(known -> EditDistance.between(typed, known) <= TYPO_EDITS)
                .min(java.util.Comparator.comparingInt((String known) -> EditDistance.between(typed, known)).thenComparing(known -> known));
    }

    /** DIR-3: the organizations claiming this e-mail domain, for other modules that must not cross the customer line. */
    public List<Organization> claimingDomain(String domain) {
        return stored.claimingDomain(domain.strip().toLowerCase(java.util.Locale.ROOT));
    }
}
