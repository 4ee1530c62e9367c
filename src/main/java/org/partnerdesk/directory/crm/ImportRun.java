package org.partnerdesk.directory.crm;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.partnerdesk.api.Actor;
import org.partnerdesk.directory.DirectoryRuleViolation;
import org.partnerdesk.directory.Organization;

/**
 * One import while it runs, inside its transaction: who runs it, the tally, the rejects not yet stored, the rows
 * seen by external id (a second row for the same record is refused) and the organizations already loaded and locked.
 */
public final class ImportRun {

    private final long id;
    private final Actor actor;
    private final Map<String, Integer> firstRowOfExternalId = new HashMap<>();
    private final Map<String, Optional<Organization>> organizationsByExternalId = new HashMap<>();
    private final Map<Long, Organization> organizationsById = new HashMap<>();
    private final List<Reject> pendingRejects = new ArrayList<>();
    private int created;
    private int updated;
    private int unchanged;
    private int rejected;

    ImportRun(long id, Actor actor) {
        this.id = id;
        this.actor = actor;
    }

    public long id() {
        return id;
    }

    Actor actor() {
        return actor;
    }

    void created(int count) {
        created += count;
    }

    void updated() {
        updated++;
    }

    void unchanged() {
        unchanged++;
    }

    public int createdCount() {
        return created;
    }

    public int updatedCount() {
        return updated;
    }

    public int unchangedCount() {
        return unchanged;
    }

    public int rejectedCount() {
        return rejected;
    }

    void reject(CsvRow row, @Nullable String column, @Nullable String externalId, String reason) {
        reject(new Reject(row.row(), column, externalId == null || externalId.isEmpty() ? null : externalId, null, reason));
    }

    void reject(CsvRow row, String column, String externalId, String rule, String reason) {
        reject(new Reject(row.row(), column, externalId, rule, reason));
    }

    void reject(CsvRow row, String column, String externalId, DirectoryRuleViolation violation) {
        reject(row, column, externalId, violation.rule().id(), violation.getMessage());
    }

    private void reject(Reject reject) {
        pendingRejects.add(reject);
        rejected++;
    }

    /** The rejects since the last call, to be stored with the chunk that produced them. */
    List<Reject> takeRejects() {
        List<Reject> taken = List.copyOf(pendingRejects);
        pendingRejects.clear();
        return taken;
    }

    /** The row that first named this external id, or none (and now this row has). */
    @Nullable Integer firstRowOf(String externalId, int row) {
        return firstRowOfExternalId.putIfAbsent(externalId, row);
    }

    // --- organizations loaded (and locked) once per import ---

    List<String> unknownAccounts(List<String> externalIds) {
        return externalIds.stream().distinct().filter(externalId -> !organizationsByExternalId.containsKey(externalId)).toList();
    }

    List<Long> unknownOrganizations(List<Long> ids) {
        return ids.stream().distinct().filter(organizationId -> !organizationsById.containsKey(organizationId)).toList();
    }

    void loaded(List<String> externalIdsAsked, List<Organization> found) {
        externalIdsAsked.forEach(externalId -> organizationsByExternalId.putIfAbsent(externalId, Optional.empty()));
        for (Organization organization : found) {
            loaded(organization);
        }
    }

    void loaded(Organization organization) {
        organizationsById.put(organization.id(), organization);
        if (organization.externalId() != null) {
            organizationsByExternalId.put(organization.externalId(), Optional.of(organization));
        }
    }

    Optional<Organization> account(String externalId) {
        return organizationsByExternalId.getOrDefault(externalId, Optional.empty());
    }

    @Nullable Organization organization(long organizationId) {
        return organizationsById.get(organizationId);
    }
}
