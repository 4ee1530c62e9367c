package org.partnerdesk.directory.crm;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.partnerdesk.api.StorableText;
import org.partnerdesk.directory.DirectoryRule;
import org.partnerdesk.directory.DirectoryRuleViolation;
import org.partnerdesk.directory.Organization;
import org.partnerdesk.directory.OrganizationDetails;
import org.partnerdesk.directory.OrganizationType;
import org.partnerdesk.directory.Organizations;
import org.partnerdesk.directory.PartnerTrack;
import org.partnerdesk.directory.persistence.DirectoryAudits;
import org.partnerdesk.directory.persistence.StoredOrganizations;
import org.springframework.stereotype.Component;

/**
 * DIR-7 accounts ({@code Id,Name,Type,Partner_Track__c,Partner_Status__c,Parent_Company__c,Domains__c}): each becomes
 * an organization, matched by CRM account id (else by name, for an organization the desk had before the CRM named
 * it). Partners are taken when Authorized or Former; Technology is the alliance track. What the CRM does not hold
 * (notes, ticket sharing, special process, chat channel) is kept. A change goes through the same checks as
 * {@code PUT /organizations} (DIR-3, DIR-4, DIR-5, DIR-6).
 */
@Component
class AccountImport {

    private static final String ID = "Id";
    private static final String NAME = "Name";
    private static final String TYPE = "Type";
    private static final String TRACK = "Partner_Track__c";
    private static final String STATUS = "Partner_Status__c";
    private static final String PARENT = "Parent_Company__c";
    private static final String DOMAINS = "Domains__c";
    private static final Pattern DOMAIN = Pattern.compile("^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$");
    private static final Pattern DOMAIN_SEPARATORS = Pattern.compile("[;,\\s]+");
    private static final Map<String, PartnerTrack> TRACKS = Map.of("open", PartnerTrack.OPEN, "select", PartnerTrack.SELECT,
            "technology", PartnerTrack.ALLIANCE, "alliance", PartnerTrack.ALLIANCE, "distributor", PartnerTrack.DISTRIBUTOR);

    private final StoredOrganizations stored;
    private final Organizations organizations;
    private final DirectoryAudits audits;

    AccountImport(StoredOrganizations stored, Organizations organizations, DirectoryAudits audits) {
        this.stored = stored;
        this.organizations = organizations;
        this.audits = audits;
    }

    record Account(CsvRow row, String id, String name, OrganizationType type, @Nullable PartnerTrack track,
                   boolean compliant, @Nullable String parentCompany, List<String> domains) {
    }

    void importChunk(ImportRun run, List<CsvRow> rows) {
        List<Account> accounts = new ArrayList<>(rows.size());
        for (CsvRow row : rows) {
            Account account = parse(run, row);
            if (account != null) {
                accounts.add(account);
            }
        }
        if (accounts.isEmpty()) {
            return;
        }
        Map<String, Organization> byExternalId = new HashMap<>();
        Map<String, Organization> byName = new HashMap<>();
        for (Organization organization : stored.lockByExternalIdsOrNames(accounts.stream().map(Account::id).toList(),
                accounts.stream().map(Account::name).toList())) {
            if (organization.externalId() != null) {
                byExternalId.put(organization.externalId(), organization);
            }
            byName.put(CrmFile.lower(organization.name()), organization);
        }
        DomainOwners owners = new DomainOwners(stored.claimingAnyDomain(
                accounts.stream().flatMap(a -> a.domains().stream()).distinct().toList()));
        List<OrganizationDetails> created = new ArrayList<>();
        Map<Long, OrganizationDetails> changed = new LinkedHashMap<>();
        List<Map<String, Object>> updateAudits = new ArrayList<>();
        Set<String> namesTaken = new HashSet<>();
        for (Account account : accounts) {
            CsvRow row = account.row();
            Organization existing = byExternalId.get(account.id());
            Organization named = byName.get(CrmFile.lower(account.name()));
            if (named != null && (existing != null ? named.id() != existing.id() : named.externalId() != null)) {
                run.reject(row, NAME, account.id(), DirectoryRule.DIR_1.id(), "'" + account.name() + "' is already the name of organization "
                        + named.id() + (named.externalId() == null ? "" : " (CRM account " + named.externalId() + ")"));
                continue;
            }
            if (!namesTaken.add(CrmFile.lower(account.name()))) {
                run.reject(row, NAME, account.id(), DirectoryRule.DIR_1.id(), "'" + account.name()
                        + "' is also the name of an earlier row's account; organization names are unique");
                continue;
            }
            if (existing == null) {
                existing = named; // an organization the desk had before the CRM named it: it takes the account's id from now on
            }
            String taken = owners.firstTakenFrom(account, existing);
            if (taken != null) {
                run.reject(row, DOMAINS, account.id(), DirectoryRule.DIR_1.id(), taken + " already belongs to organization "
                        + owners.ownerOf(taken) + "; an e-mail domain belongs to one organization");
                continue;
            }
            if (existing == null) {
                owners.claim(account, null);
                created.add(new OrganizationDetails(account.name(), account.id(), account.type(), account.track(), account.compliant(),
                        account.parentCompany(), null, account.domains(), false, null, null));
                continue;
            }
            OrganizationDetails before = OrganizationDetails.of(existing);
            OrganizationDetails after = new OrganizationDetails(account.name(), account.id(), account.type(), account.track(),
                    account.compliant(), account.parentCompany(), existing.notes(), account.domains(), existing.sharesTickets(),
                    existing.specialProcess(), existing.chatWebhookUrl());
            if (after.equals(before)) {
                run.unchanged();
                continue;
            }
            try {
                organizations.checkChange(run.actor(), existing, after);
            } catch (DirectoryRuleViolation violation) {
                run.reject(row, violation.rule() == DirectoryRule.DIR_4 ? TRACK : TYPE, account.id(), violation);
                continue;
            }
            owners.claim(account, existing);
            changed.put(existing.id(), after);
            Map<String, Object> audit = new LinkedHashMap<>();
            audit.put("before", before);
            audit.put("after", after);
            audit.put("crm_import_id", run.id());
            updateAudits.add(audit);
            run.updated();
        }
        write(run, created, changed, updateAudits);
    }

    /**
     * DIR-1: who holds each domain a chunk names, the desk's organizations and the chunk's earlier rows; a domain an
     * organization already has is not taken from anyone, so organizations sharing one from before still import.
     */
    private static final class DomainOwners {

        private record Owner(@Nullable Long id, String name) {
        }

        private final Map<String, Owner> owners = new HashMap<>();

        DomainOwners(List<Organization> claiming) {
            claiming.forEach(o -> o.domainNames().forEach(d -> owners.putIfAbsent(d, new Owner(o.id(), o.name()))));
        }

        @Nullable String firstTakenFrom(Account account, @Nullable Organization existing) {
            for (String domain : account.domains()) {
                Owner owner = owners.get(domain);
                boolean ownHeld = existing != null && existing.domainNames().contains(domain);
                if (owner != null && !ownHeld && (existing == null || !java.util.Objects.equals(owner.id(), existing.id()))) {
                    return domain;
                }
            }
            return null;
        }

        String ownerOf(String domain) {
            Owner owner = owners.get(domain);
            return owner.id() == null ? owner.name() + " (an earlier row of this file)" : owner.name() + " (" + owner.id() + ")";
        }

        void claim(Account account, @Nullable Organization existing) {
            Long id = existing == null ? null : existing.id();
            if (existing != null) {
                for (String dropped : existing.domainNames()) {
                    Owner owner = owners.get(dropped);
                    if (!account.domains().contains(dropped) && owner != null && existing.id() == java.util.Objects.requireNonNullElse(owner.id(), -1L)) {
                        owners.remove(dropped); // released by this row: a later row may take it
                    }
                }
            }
            account.domains().forEach(d -> owners.put(d, new Owner(id, account.name())));
        }
    }

    private void write(ImportRun run, List<OrganizationDetails> created, Map<Long, OrganizationDetails> changed,
                       List<Map<String, Object>> updateAudits) {
        List<Organization> inserted = stored.insertAll(created);
        stored.updateAll(changed);
        Long actorId = run.actor().userId();
        audits.recordAll(actorId, "organization", "create", inserted.stream().map(Organization::id).toList(),
                inserted.stream().map(o -> Map.of("values", OrganizationDetails.of(o), "crm_import_id", run.id())).toList());
        audits.recordAll(actorId, "organization", "update", List.copyOf(changed.keySet()), updateAudits);
        run.created(inserted.size());
    }

    // pure: the row on its own, before any query (DIR-7), so its refusals are unit-tested
    static @Nullable Account parse(ImportRun run, CsvRow row) {
        String id = row.value(ID);
        String unstorable = row.unstorableColumn();
        if (unstorable != null) {
            // the reject is stored too: it names the column, never repeats the value, and keeps the id only when clean
            run.reject(row, unstorable, StorableText.isStorable(id) ? id : null, StorableText.PROBLEM);
            return null;
        }
        if (!row.isConsistent()) {
            run.reject(row, null, id, row.fieldCountProblem());
            return null;
        }
        if (id.isEmpty() || id.length() > 255) {
            run.reject(row, ID, id, id.isEmpty() ? "is empty: every account needs its CRM id" : "is longer than 255 characters");
            return null;
        }
        Integer first = run.firstRowOf(id, row.row());
        if (first != null) {
            run.reject(row, ID, id, "names the same account as row " + first + "; each account is imported once per file");
            return null;
        }
        String name = row.value(NAME);
        if (name.isEmpty() || name.length() > 255) {
            run.reject(row, NAME, id, name.isEmpty() ? "is empty" : "is longer than 255 characters");
            return null;
        }
        String parent = row.value(PARENT);
        if (parent.length() > 255) {
            run.reject(row, PARENT, id, "is longer than 255 characters");
            return null;
        }
        List<String> domains = domains(run, row, id);
        if (domains == null) {
            return null;
        }
        String type = CrmFile.lower(row.value(TYPE));
        if (type.equals("customer")) {
            return new Account(row, id, name, OrganizationType.CUSTOMER, null, true, parent.isEmpty() ? null : parent, domains);
        }
        if (!type.equals("partner")) {
            run.reject(row, TYPE, id, "is '" + row.value(TYPE) + "'; only Customer and Partner accounts are imported");
            return null;
        }
        // DOMAIN-FACTS: partner accounts are those of status Authorized or Former; a former partner is no longer in good standing
        String status = CrmFile.lower(row.value(STATUS));
        if (!status.equals("authorized") && !status.equals("former")) {
            run.reject(row, STATUS, id, "is '" + row.value(STATUS) + "'; partner accounts are taken only when Authorized or Former");
            return null;
        }
        PartnerTrack track = TRACKS.get(CrmFile.lower(row.value(TRACK)));
        if (track == null) {
            run.reject(row, TRACK, id, "is '" + row.value(TRACK) + "'; a partner's track is Open, Select, Technology or Distributor");
            return null;
        }
        return new Account(row, id, name, OrganizationType.PARTNER, track, status.equals("authorized"),
                parent.isEmpty() ? null : parent, domains);
    }

    private static @Nullable List<String> domains(ImportRun run, CsvRow row, String id) {
        Set<String> domains = new LinkedHashSet<>();
        for (String part : DOMAIN_SEPARATORS.split(row.value(DOMAINS))) {
            String domain = CrmFile.lower(part.startsWith("@") ? part.substring(1) : part);
            if (domain.isEmpty()) {
                continue;
            }
            if (domain.length() > 253 || !DOMAIN.matcher(domain).matches()) {
                run.reject(row, DOMAINS, id, "'" + part + "' is not a domain name");
                return null;
            }
            domains.add(domain);
        }
        if (domains.size() > 50) {
            run.reject(row, DOMAINS, id, "names " + domains.size() + " domains; an organization has at most 50");
            return null;
        }
        return List.copyOf(domains);
    }
}
