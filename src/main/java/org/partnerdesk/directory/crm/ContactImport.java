package org.partnerdesk.directory.crm;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.partnerdesk.api.EmailAddress;
import org.partnerdesk.api.Role;
import org.partnerdesk.api.StorableText;
import org.partnerdesk.directory.AssociationRules;
import org.partnerdesk.directory.AssociationRules.Candidate;
import org.partnerdesk.directory.DirectoryRule;
import org.partnerdesk.directory.DirectoryRuleViolation;
import org.partnerdesk.directory.Organization;
import org.partnerdesk.directory.User;
import org.partnerdesk.directory.UserDetails;
import org.partnerdesk.directory.persistence.DirectoryAudits;
import org.partnerdesk.directory.persistence.StoredMemberships;
import org.partnerdesk.directory.persistence.StoredMemberships.Placement;
import org.partnerdesk.directory.persistence.StoredOrganizations;
import org.partnerdesk.directory.persistence.StoredUsers;
import org.springframework.stereotype.Component;

/**
 * DIR-7 contacts ({@code Id,AccountId,FirstName,LastName,Email}): each becomes an end user of its account's
 * organization, matched by CRM contact id (else by e-mail, for a user the desk knew before the CRM did). A chunk
 * is read in four queries, checked row by row against the directory's own rules (DIR-2 unique e-mail, DIR-3, DIR-4)
 * and written in a handful of set-based statements.
 */
@Component
class ContactImport {

    private static final String ID = "Id";
    private static final String ACCOUNT_ID = "AccountId";
    private static final String EMAIL = "Email";

    private final StoredUsers users;
    private final StoredOrganizations organizations;
    private final StoredMemberships memberships;
    private final AssociationRules rules;
    private final DirectoryAudits audits;

    ContactImport(StoredUsers users, StoredOrganizations organizations, StoredMemberships memberships,
                  AssociationRules rules, DirectoryAudits audits) {
        this.users = users;
        this.organizations = organizations;
        this.memberships = memberships;
        this.rules = rules;
        this.audits = audits;
    }

    record Contact(CsvRow row, String id, String accountId, String name, String email) {
        String lowerEmail() {
            return CrmFile.lower(email);
        }

        String domain() {
            return lowerEmail().substring(lowerEmail().lastIndexOf('@') + 1);
        }
    }

    /** What the chunk will write once every row has been checked. */
    private static final class Writes {
        final List<UserDetails> created = new ArrayList<>();
        final Map<String, Long> createdIn = new HashMap<>();
        final List<Placement> joins = new ArrayList<>();
        final List<Placement> moves = new ArrayList<>();
        final Map<Long, UserDetails> changed = new LinkedHashMap<>();
        final List<Long> updatedIds = new ArrayList<>();
        final List<Map<String, Object>> updateAudits = new ArrayList<>();
    }

    void importChunk(ImportRun run, List<CsvRow> rows) {
        List<Contact> contacts = new ArrayList<>(rows.size());
        for (CsvRow row : rows) {
            Contact contact = parse(run, row);
            if (contact != null) {
                contacts.add(contact);
            }
        }
        if (contacts.isEmpty()) {
            return;
        }
        Map<String, User> byExternalId = new HashMap<>();
        Map<String, User> byEmail = new HashMap<>();
        for (User user : users.lockByExternalIdsOrEmails(contacts.stream().map(Contact::id).toList(),
                contacts.stream().map(Contact::email).toList())) {
            if (user.externalId() != null) {
                byExternalId.put(user.externalId(), user);
            }
            byEmail.put(CrmFile.lower(user.email()), user);
        }
        loadOrganizations(run, contacts, byExternalId.values(), byEmail.values());
        Map<String, List<Organization>> claims = claims(run, contacts);
        Writes writes = new Writes();
        Set<String> emailsTaken = new HashSet<>();
        for (Contact contact : contacts) {
            place(run, contact, byExternalId, byEmail, claims, emailsTaken, writes);
        }
        write(run, writes);
    }

    // pure: the row on its own, before any query (DIR-7), so its refusals are unit-tested
    static @Nullable Contact parse(ImportRun run, CsvRow row) {
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
            run.reject(row, ID, id, id.isEmpty() ? "is empty: every contact needs its CRM id" : "is longer than 255 characters");
            return null;
        }
        Integer first = run.firstRowOf(id, row.row());
        if (first != null) {
            run.reject(row, ID, id, "names the same contact as row " + first + "; each contact is imported once per file");
            return null;
        }
        String accountId = row.value(ACCOUNT_ID);
        if (accountId.isEmpty()) {
            run.reject(row, ACCOUNT_ID, id, "is empty: a contact is imported into its account's organization");
            return null;
        }
        String email = row.value(EMAIL);
        if (!EmailAddress.isValid(email)) {
            run.reject(row, EMAIL, id, email.isEmpty() ? "is empty" : "'" + email + "' is not an e-mail address");
            return null;
        }
        String name = (row.value("FirstName") + " " + row.value("LastName")).strip().replaceAll("\\s+", " ");
        if (name.isEmpty()) {
            name = email.substring(0, email.indexOf('@'));
        }
        if (name.length() > 255) {
            run.reject(row, "LastName", id, "makes a name longer than 255 characters");
            return null;
        }
        return new Contact(row, id, accountId, name, email);
    }

    // the accounts named, and the organizations the matched users are in now, locked as a single write locks them
    private void loadOrganizations(ImportRun run, List<Contact> contacts, Iterable<User> byId, Iterable<User> byEmail) {
        List<String> accounts = run.unknownAccounts(contacts.stream().map(Contact::accountId).toList());
        if (!accounts.isEmpty()) {
            run.loaded(accounts, organizations.lockByExternalIdsOrNames(accounts, List.of()));
        }
        List<Long> current = new ArrayList<>();
        byId.forEach(user -> addIfPresent(current, user.organizationId()));
        byEmail.forEach(user -> addIfPresent(current, user.organizationId()));
        List<Long> unknown = run.unknownOrganizations(current);
        if (!unknown.isEmpty()) {
            organizations.lockAll(unknown).forEach(run::loaded);
        }
    }

    private static void addIfPresent(List<Long> ids, @Nullable Long id) {
        if (id != null) {
            ids.add(id);
        }
    }

    // DIR-3 asks who claims a contact's domain only when its account does not: load those domains once per chunk
    // (asking for every contact's domain cost 300 ms a chunk at 10k organizations, most of the import)
    private Map<String, List<Organization>> claims(ImportRun run, List<Contact> contacts) {
        Set<String> domains = new HashSet<>();
        for (Contact contact : contacts) {
            Organization target = run.account(contact.accountId()).orElse(null);
            if (target != null && !target.domainNames().contains(contact.domain())) {
                domains.add(contact.domain());
            }
        }
        Map<String, List<Organization>> claims = new HashMap<>();
        if (domains.isEmpty()) {
            return claims;
        }
        domains.forEach(domain -> claims.put(domain, new ArrayList<>()));
        for (Organization organization : organizations.claimingAnyDomain(List.copyOf(domains))) {
            for (String domain : organization.domainNames()) {
                if (domains.contains(domain)) {
                    claims.get(domain).add(organization);
                }
            }
        }
        return claims;
    }

    private void place(ImportRun run, Contact contact, Map<String, User> byExternalId, Map<String, User> byEmail,
                       Map<String, List<Organization>> claims, Set<String> emailsTaken, Writes writes) {
        CsvRow row = contact.row();
        Organization target = run.account(contact.accountId()).orElse(null);
        if (target == null) {
            run.reject(row, ACCOUNT_ID, contact.id(), "names no organization in the desk (" + contact.accountId()
                    + "): import the accounts file first; partner accounts are taken only when Authorized or Former");
            return;
        }
        User user = byExternalId.get(contact.id());
        User owner = byEmail.get(contact.lowerEmail());
        if (owner != null && (user != null ? owner.id() != user.id() : owner.externalId() != null)) {
            run.reject(row, EMAIL, contact.id(), DirectoryRule.DIR_2.id(), contact.email() + " is already the e-mail of user "
                    + owner.id() + (owner.externalId() == null ? "" : " (CRM contact " + owner.externalId() + ")")
                    + "; a user's e-mail is unique");
            return;
        }
        if (user == null) {
            user = owner; // a user the desk knew before the CRM did: it takes the contact's id from now on
        }
        if (emailsTaken.contains(contact.lowerEmail())) {
            run.reject(row, EMAIL, contact.id(), DirectoryRule.DIR_2.id(), contact.email()
                    + " is also the e-mail of an earlier row of this file; a user's e-mail is unique");
            return;
        }
        if (user != null && user.role().isStaff()) {
            run.reject(row, EMAIL, contact.id(), user.email() + " is a " + user.role().code()
                    + " of the vendor; the CRM import places customer and partner contacts only");
            return;
        }
        Organization current = user == null || user.organizationId() == null ? null : run.organization(user.organizationId());
        boolean moves = current == null || current.id() != target.id();
        if (moves) {
            Candidate candidate = new Candidate(contact.email(), user == null ? Role.END_USER : user.role(),
                    user == null ? null : user.contactSide());
            try {
                rules.checkJoin(run.actor(), candidate, current, target,
                        domain -> claims.containsKey(domain) ? claims.get(domain) : organizations.claimingDomain(domain));
            } catch (DirectoryRuleViolation violation) {
                run.reject(row, ACCOUNT_ID, contact.id(), violation);
                return;
            }
        }
        emailsTaken.add(contact.lowerEmail());
        if (user == null) {
            writes.created.add(new UserDetails(contact.name(), contact.email(), Role.END_USER, contact.id(), null));
            writes.createdIn.put(contact.id(), target.id());
            return;
        }
        UserDetails before = UserDetails.of(user);
        UserDetails after = new UserDetails(contact.name(), contact.email(), user.role(), contact.id(), user.managerId());
        if (!moves && after.equals(before)) {
            run.unchanged();
            return;
        }
        if (moves) {
            (current == null ? writes.joins : writes.moves).add(new Placement(user.id(), target.id()));
        }
        if (!after.equals(before)) {
            writes.changed.put(user.id(), after);
        }
        Map<String, Object> audit = new LinkedHashMap<>();
        audit.put("before", before);
        audit.put("after", after);
        audit.put("organization_id", target.id());
        audit.put("previous_organization_id", current == null ? null : current.id());
        audit.put("crm_import_id", run.id());
        writes.updatedIds.add(user.id());
        writes.updateAudits.add(audit);
        run.updated();
    }

    private void write(ImportRun run, Writes writes) {
        Map<String, Long> ids = users.insertAll(writes.created);
        List<Long> createdIds = new ArrayList<>(writes.created.size());
        List<Map<String, Object>> createAudits = new ArrayList<>(writes.created.size());
        for (UserDetails values : writes.created) {
            long id = Objects.requireNonNull(ids.get(values.externalId()));
            long organizationId = writes.createdIn.get(values.externalId());
            writes.joins.add(new Placement(id, organizationId));
            createdIds.add(id);
            Map<String, Object> audit = new LinkedHashMap<>();
            audit.put("values", values);
            audit.put("organization_id", organizationId);
            audit.put("crm_import_id", run.id());
            createAudits.add(audit);
        }
        users.updateAll(writes.changed);
        memberships.insertAll(writes.joins);
        memberships.moveAll(writes.moves);
        Long actorId = run.actor().userId();
        audits.recordAll(actorId, "user", "create", createdIds, createAudits);
        audits.recordAll(actorId, "user", "update", writes.updatedIds, writes.updateAudits);
        run.created(createdIds.size());
    }
}
