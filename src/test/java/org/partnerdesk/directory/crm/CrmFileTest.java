package org.partnerdesk.directory.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.partnerdesk.api.ApiException;

/** DIR-7 a CRM file as a whole: the header it must have, and how its records are numbered and handed on. */
class CrmFileTest {

    @ParameterizedTest(name = "{0} file with header [{1}] lacks {2}")
    @CsvSource(delimiter = '|', value = {
            "CONTACTS | Id,Email | AccountId",
            "CONTACTS | FirstName,LastName | Id, AccountId, Email",
            "CONTACTS | '' | Id, AccountId, Email",
            "ACCOUNTS | Id,Name,Type | Partner_Track__c, Partner_Status__c",
            "ACCOUNTS | Id,Name,Kind,Partner_Track__c,Partner_Status__c,Domains__c | Type",
            "ACCOUNTS | Id,AccountId,FirstName,LastName,Email | Name, Type, Partner_Track__c, Partner_Status__c"})
    void aFileWithoutTheRequiredColumnsIsRefusedWhole(ImportKind kind, String header, String missing) {
        String required = String.join(", ", kind.required());
        String optional = String.join(", ", kind.optional());
        assertThatThrownBy(() -> CrmRows.read(kind, header + "\n1,2\n")).isInstanceOfSatisfying(ApiException.class, refusal -> {
            assertThat(refusal.status()).isEqualTo(422);
            assertThat(refusal.error()).isEqualTo("RecordInvalid");
            assertThat(refusal.description()).isEqualTo("The " + kind.code() + " file lacks the columns " + missing
                    + "; its header must name " + required + " (and may name " + optional + ").");
            assertThat(refusal.details()).containsExactly(java.util.Map.entry("file",
                    List.of(new ApiException.FieldError("missing columns: " + missing, "missing_columns"))));
        });
    }

    @Test
    void rowsAreNumberedAsASpreadsheetNumbersThemAndBlankLinesAreSkipped() {
        List<CsvRow> rows = CrmRows.read(ImportKind.CONTACTS, "\uFEFF" + CrmRows.CONTACTS + "\r\n"
                + "\r\n"                                             // row 2, blank
                + "C1,A1,Ann,\"Multi\r\nLine\",ann@acme.test\r\n"   // row 3, on two lines
                + " , , , , \r\n"                                    // row 4, blank values
                + "C2,A1,Bob,Good,bob@acme.test\r\n"                 // row 5
                + "\r\n\r\n");
        assertThat(rows).extracting(CsvRow::row).containsExactly(3, 5);
        assertThat(rows).extracting(row -> row.value("Id")).containsExactly("C1", "C2");
        assertThat(rows.getFirst().value("LastName")).isEqualTo("Multi\r\nLine");
    }

    @Test
    void aColumnTheFileDoesNotHaveReadsAsEmpty() {
        CsvRow row = CrmRows.read(ImportKind.CONTACTS, "Id,AccountId,Email\nC1,A1,ann@acme.test\n").getFirst();
        assertThat(row.value("FirstName")).isEmpty();
        assertThat(row.isConsistent()).isTrue();
        assertThat(row.unstorableColumn()).isNull();
    }
}
