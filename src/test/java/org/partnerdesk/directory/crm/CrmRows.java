package org.partnerdesk.directory.crm;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.partnerdesk.api.Actor;
import org.partnerdesk.api.Role;

/** A CRM file read from text as the import reads it, for the unit tests of the row rules (DIR-7). */
final class CrmRows {

    static final String ACCOUNTS = "Id,Name,Type,Partner_Track__c,Partner_Status__c,Parent_Company__c,Domains__c";
    static final String CONTACTS = "Id,AccountId,FirstName,LastName,Email";

    private CrmRows() {
    }

    static List<CsvRow> read(ImportKind kind, String csv) {
        try (CrmFile file = CrmFile.open(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), kind)) {
            List<CsvRow> rows = new ArrayList<>();
            file.forEachChunk(2, rows::addAll);
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ImportRun anImportByAnAdmin() {
        return new ImportRun(1, new Actor(1, "admin@desk.test", Role.ADMIN, null, Set.of()));
    }
}
