package org.partnerdesk.directory.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;
import static org.partnerdesk.directory.crm.CrmRows.CONTACTS;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.partnerdesk.api.StorableText;

/**
 * DIR-7 a contacts row on its own: what the import refuses before it asks the database, and the shapes it takes.
 * The refusals that need the directory (an unknown account, DIR-2 a taken e-mail, a staff user, DIR-3 and DIR-4 on
 * joining) are proven over HTTP in CrmImportApiTest.
 */
class ContactImportTest {

    private static final String LONG = "x".repeat(256);

    private record Parsed(List<ContactImport.Contact> contacts, List<Reject> rejects) {
    }

    private static Parsed parse(String header, String... rows) {
        ImportRun run = CrmRows.anImportByAnAdmin();
        List<ContactImport.Contact> contacts = new ArrayList<>();
        for (CsvRow row : CrmRows.read(ImportKind.CONTACTS, header + "\n" + String.join("\n", rows) + "\n")) {
            ContactImport.Contact contact = ContactImport.parse(run, row);
            if (contact != null) {
                contacts.add(contact);
            }
        }
        return new Parsed(contacts, run.takeRejects());
    }

    private static Arguments refused(String name, String row, int rowNumber, @Nullable String column, @Nullable String id, String reason) {
        return refused(name, List.of(row), rowNumber, column, id, reason);
    }

    private static Arguments refused(String name, List<String> rows, int rowNumber, @Nullable String column, @Nullable String id,
                                     String reason) {
        return arguments(name, rows, new Reject(rowNumber, column, id, null, reason));
    }

    static Stream<Arguments> refusals() {
        return Stream.of(
                refused("a NUL in a value names its column", "C1,A1,Ann,Able,ann@acme.test\u0000", 2, "Email", "C1", StorableText.PROBLEM),
                refused("a NUL in a name", "C1,A1,Ann\u0000,Able,ann@acme.test", 2, "FirstName", "C1", StorableText.PROBLEM),
                refused("a NUL in the id keeps no id", "C\u00001,A1,Ann,Able,ann@acme.test", 2, "Id", null, StorableText.PROBLEM),
                refused("a field too many", "C1,A1,Ann,Able,ann@acme.test,extra", 2, null, "C1",
                        "has 6 fields; the header has 5 (a quote that is not closed, or a separator too many or too few)"),
                refused("a quote never closed swallows the rest", "C1,A1,\"Ann,Able,ann@acme.test", 2, null, "C1",
                        "has 3 fields; the header has 5 (a quote that is not closed, or a separator too many or too few)"),
                refused("an empty id", ",A1,Ann,Able,ann@acme.test", 2, "Id", null, "is empty: every contact needs its CRM id"),
                refused("an id over 255 characters", LONG + ",A1,Ann,Able,ann@acme.test", 2, "Id", LONG, "is longer than 255 characters"),
                refused("the same id twice", List.of("C1,A1,Ann,Able,ann@acme.test", "C1,A1,Ann,Twice,ann2@acme.test"), 3, "Id", "C1",
                        "names the same contact as row 2; each contact is imported once per file"),
                refused("no account", "C1,,Ann,Able,ann@acme.test", 2, "AccountId", "C1",
                        "is empty: a contact is imported into its account's organization"),
                refused("no e-mail", "C1,A1,Ann,Able,", 2, "Email", "C1", "is empty"),
                refused("not an e-mail", "C1,A1,Bad,Email,not-an-address", 2, "Email", "C1", "'not-an-address' is not an e-mail address"),
                refused("two @ in an e-mail", "C1,A1,Bad,Email,ann@b@acme.test", 2, "Email", "C1", "'ann@b@acme.test' is not an e-mail address"),
                refused("an e-mail without a dot in its domain", "C1,A1,Bad,Email,ann@localhost", 2, "Email", "C1",
                        "'ann@localhost' is not an e-mail address"),
                refused("an e-mail over 254 characters", "C1,A1,Long,Email," + "a".repeat(250) + "@acme.test", 2, "Email", "C1",
                        "'" + "a".repeat(250) + "@acme.test' is not an e-mail address"),
                refused("a name over 255 characters", "C1,A1," + "f".repeat(128) + "," + "l".repeat(127) + ",ann@acme.test", 2, "LastName",
                        "C1", "makes a name longer than 255 characters"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void aRowTheImportCannotTakeIsRejectedWithItsRowColumnAndReason(String name, List<String> rows, Reject reject) {
        Parsed parsed = parse(CONTACTS, rows.toArray(String[]::new));
        assertThat(parsed.rejects()).containsExactly(reject);
        assertThat(parsed.contacts()).hasSize(rows.size() - 1);
    }

    static Stream<Arguments> accepted() {
        return Stream.of(
                arguments("first and last name", CONTACTS, "C1,A1,Ann,Able,ann@acme.test", "C1", "A1", "Ann Able", "ann@acme.test", "acme.test"),
                arguments("spaces in and around the name are one", CONTACTS, "C1 , A1 ,  Ann  , van   der Berg ,Ann@Acme.TEST ", "C1", "A1",
                        "Ann van der Berg", "Ann@Acme.TEST", "acme.test"),
                arguments("a first name alone", CONTACTS, "C1,A1,Ann,,ann@acme.test", "C1", "A1", "Ann", "ann@acme.test", "acme.test"),
                arguments("a last name alone", CONTACTS, "C1,A1,,Able,ann@acme.test", "C1", "A1", "Able", "ann@acme.test", "acme.test"),
                arguments("no name takes the e-mail's local part", CONTACTS, "C1,A1,,,ann.able@sub.acme.test", "C1", "A1", "ann.able",
                        "ann.able@sub.acme.test", "sub.acme.test"),
                arguments("255 characters of name", CONTACTS, "C1,A1," + "f".repeat(127) + "," + "l".repeat(127) + ",ann@acme.test", "C1", "A1",
                        "f".repeat(127) + " " + "l".repeat(127), "ann@acme.test", "acme.test"),
                arguments("the name columns may be left out", "Email,AccountId,Id", "ann@acme.test,A1,C1", "C1", "A1", "ann",
                        "ann@acme.test", "acme.test"),
                arguments("a quoted name with a comma and a newline", CONTACTS, "C1,A1,\"Ann, Jr.\",\"Multi\nLine\",ann@acme.test", "C1", "A1",
                        "Ann, Jr. Multi Line", "ann@acme.test", "acme.test"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("accepted")
    void aRowWithIdAccountAndEmailBecomesAContact(String name, String header, String row, String id, String accountId, String userName,
                                                  String email, String domain) {
        Parsed parsed = parse(header, row);
        assertThat(parsed.rejects()).isEmpty();
        ContactImport.Contact contact = parsed.contacts().getFirst();
        assertThat(contact.id()).isEqualTo(id);
        assertThat(contact.accountId()).isEqualTo(accountId);
        assertThat(contact.name()).isEqualTo(userName);
        assertThat(contact.email()).isEqualTo(email);
        assertThat(contact.domain()).isEqualTo(domain);
    }
}
