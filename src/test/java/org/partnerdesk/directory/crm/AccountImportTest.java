package org.partnerdesk.directory.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;
import static org.partnerdesk.directory.crm.CrmRows.ACCOUNTS;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.partnerdesk.api.StorableText;
import org.partnerdesk.directory.OrganizationType;
import org.partnerdesk.directory.PartnerTrack;

/**
 * DIR-7 an accounts row on its own: what the import refuses before it asks the database, and the shapes it takes.
 * The refusals that need the directory (DIR-1 a name or domain another organization holds, DIR-3 and DIR-4 on a
 * change) are proven over HTTP in CrmImportApiTest.
 */
class AccountImportTest {

    private static final String LONG = "x".repeat(256);

    /** Parses every row of the file in one run, as a chunk does; answers the accounts taken and the rejects. */
    private record Parsed(List<AccountImport.Account> accounts, List<Reject> rejects) {
    }

    private static Parsed parse(String header, String... rows) {
        ImportRun run = CrmRows.anImportByAnAdmin();
        List<AccountImport.Account> accounts = new ArrayList<>();
        for (CsvRow row : CrmRows.read(ImportKind.ACCOUNTS, header + "\r\n" + String.join("\r\n", rows) + "\r\n")) {
            AccountImport.Account account = AccountImport.parse(run, row);
            if (account != null) {
                accounts.add(account);
            }
        }
        return new Parsed(accounts, run.takeRejects());
    }

    private static Arguments refused(String name, String row, int rowNumber, @Nullable String column, @Nullable String id, String reason) {
        return arguments(name, List.of(row), new Reject(rowNumber, column, id, null, reason));
    }

    private static Arguments refused(String name, List<String> rows, int rowNumber, String column, String id, String reason) {
        return arguments(name, rows, new Reject(rowNumber, column, id, null, reason));
    }

    static Stream<Arguments> refusals() {
        String domains51 = IntStream.rangeClosed(1, 51).mapToObj(i -> "d" + i + ".test").collect(Collectors.joining(";"));
        return Stream.of(
                refused("a NUL in a value names its column", "A1,Ac\u0000me,Customer,,,,", 2, "Name", "A1", StorableText.PROBLEM),
                refused("a NUL in the id keeps no id", "A\u00001,Acme,Customer,,,,", 2, "Id", null, StorableText.PROBLEM),
                refused("a NUL past the header names the column by number", "A1,Acme,Customer,,,,,x\u0000", 2, "column 8", "A1",
                        StorableText.PROBLEM),
                refused("a field too many", "A1,Acme,Customer,,,,,extra", 2, null, "A1",
                        "has 8 fields; the header has 7 (a quote that is not closed, or a separator too many or too few)"),
                refused("fields too few", "A1,Acme,Customer", 2, null, "A1",
                        "has 3 fields; the header has 7 (a quote that is not closed, or a separator too many or too few)"),
                refused("an empty id", ",Acme,Customer,,,,", 2, "Id", null, "is empty: every account needs its CRM id"),
                refused("a blank id", "  ,Acme,Customer,,,,", 2, "Id", null, "is empty: every account needs its CRM id"),
                refused("an id over 255 characters", LONG + ",Acme,Customer,,,,", 2, "Id", LONG, "is longer than 255 characters"),
                refused("the same id twice", List.of("A1,Acme,Customer,,,,", "A1,Acme Two,Customer,,,,"), 3, "Id", "A1",
                        "names the same account as row 2; each account is imported once per file"),
                refused("an empty name", "A1,,Customer,,,,", 2, "Name", "A1", "is empty"),
                refused("a name over 255 characters", "A1," + LONG + ",Customer,,,,", 2, "Name", "A1", "is longer than 255 characters"),
                refused("a parent company over 255 characters", "A1,Acme,Customer,,," + LONG + ",", 2, "Parent_Company__c", "A1",
                        "is longer than 255 characters"),
                refused("words for domains", "A1,Acme,Customer,,,,not a domain!", 2, "Domains__c", "A1", "'not' is not a domain name"),
                refused("a domain with an empty label", "A1,Acme,Customer,,,,acme..test", 2, "Domains__c", "A1", "'acme..test' is not a domain name"),
                refused("a domain starting with a hyphen", "A1,Acme,Customer,,,,-acme.test", 2, "Domains__c", "A1",
                        "'-acme.test' is not a domain name"),
                refused("an e-mail for a domain", "A1,Acme,Customer,,,,ann@acme.test", 2, "Domains__c", "A1",
                        "'ann@acme.test' is not a domain name"),
                refused("a domain over 253 characters", "A1,Acme,Customer,,,," + "a".repeat(250) + ".test", 2, "Domains__c", "A1",
                        "'" + "a".repeat(250) + ".test' is not a domain name"),
                refused("51 domains", "A1,Acme,Customer,,,," + domains51, 2, "Domains__c", "A1",
                        "names 51 domains; an organization has at most 50"),
                refused("a bad domain is refused before the type", "A1,Acme,Vendor,,,,bad", 2, "Domains__c", "A1", "'bad' is not a domain name"),
                refused("a vendor account", "A1,Acme,Vendor,,,,", 2, "Type", "A1", "is 'Vendor'; only Customer and Partner accounts are imported"),
                refused("no type", "A1,Acme,,,,,", 2, "Type", "A1", "is ''; only Customer and Partner accounts are imported"),
                refused("a prospect partner", "A1,Acme,Partner,Open,Prospect,,", 2, "Partner_Status__c", "A1",
                        "is 'Prospect'; partner accounts are taken only when Authorized or Former"),
                refused("a partner without status", "A1,Acme,Partner,Open,,,", 2, "Partner_Status__c", "A1",
                        "is ''; partner accounts are taken only when Authorized or Former"),
                refused("a partner on an unknown track", "A1,Acme,Partner,Gold,Authorized,,", 2, "Partner_Track__c", "A1",
                        "is 'Gold'; a partner's track is Open, Select, Technology or Distributor"),
                refused("a partner without track", "A1,Acme,Partner,,Former,,", 2, "Partner_Track__c", "A1",
                        "is ''; a partner's track is Open, Select, Technology or Distributor"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void aRowTheImportCannotTakeIsRejectedWithItsRowColumnAndReason(String name, List<String> rows, Reject reject) {
        Parsed parsed = parse(ACCOUNTS, rows.toArray(String[]::new));
        assertThat(parsed.rejects()).containsExactly(reject);
        assertThat(parsed.accounts()).hasSize(rows.size() - 1);
    }

    private static Arguments taken(String name, String header, String row, String id, String organization, OrganizationType type,
                                   @Nullable PartnerTrack track, boolean compliant, @Nullable String parent, List<String> domains) {
        return arguments(name, header, row, id, organization, type, track, compliant, parent, domains);
    }

    static Stream<Arguments> accepted() {
        String domains50 = IntStream.rangeClosed(1, 50).mapToObj(i -> "d" + i + ".test").collect(Collectors.joining(" "));
        return Stream.of(
                taken("a customer", ACCOUNTS, "A1,Acme,Customer,,,,", "A1", "Acme", OrganizationType.CUSTOMER, null, true, null, List.of()),
                taken("a customer ignores track and status", ACCOUNTS, "A1,Acme,customer,Select,Former,Acme Holding,acme.test", "A1", "Acme",
                        OrganizationType.CUSTOMER, null, true, "Acme Holding", List.of("acme.test")),
                taken("values are trimmed and case does not matter", ACCOUNTS, " A1 , Acme ,CUSTOMER,,, ,", "A1", "Acme",
                        OrganizationType.CUSTOMER, null, true, null, List.of()),
                taken("a quoted name with a comma, a quote and a newline", ACCOUNTS, "A1,\"Acme, \"\"The\"\"\nInc.\",Customer,,,,", "A1",
                        "Acme, \"The\"\nInc.", OrganizationType.CUSTOMER, null, true, null, List.of()),
                taken("an authorized Open partner", ACCOUNTS, "P1,ResellCo,Partner,Open,Authorized,,", "P1", "ResellCo",
                        OrganizationType.PARTNER, PartnerTrack.OPEN, true, null, List.of()),
                taken("a former Select partner is not compliant", ACCOUNTS, "P1,ResellCo,partner,select,former,,", "P1", "ResellCo",
                        OrganizationType.PARTNER, PartnerTrack.SELECT, false, null, List.of()),
                taken("Technology is the alliance track", ACCOUNTS, "P1,Umbrella,Partner,Technology,Authorized,,", "P1", "Umbrella",
                        OrganizationType.PARTNER, PartnerTrack.ALLIANCE, true, null, List.of()),
                taken("Alliance is the alliance track too", ACCOUNTS, "P1,Umbrella,Partner,ALLIANCE,Authorized,,", "P1", "Umbrella",
                        OrganizationType.PARTNER, PartnerTrack.ALLIANCE, true, null, List.of()),
                taken("a distributor", ACCOUNTS, "P1,Distri,Partner,Distributor,Authorized,,", "P1", "Distri",
                        OrganizationType.PARTNER, PartnerTrack.DISTRIBUTOR, true, null, List.of()),
                taken("domains split on ; , and spaces, lower-cased, without @, once each", ACCOUNTS,
                        "A1,Acme,Customer,,,,\"@Acme.TEST; acme.example,, sub.acme.test  acme.test\"", "A1", "Acme",
                        OrganizationType.CUSTOMER, null, true, null, List.of("acme.test", "acme.example", "sub.acme.test")),
                taken("50 domains", ACCOUNTS, "A1,Acme,Customer,,,," + domains50, "A1", "Acme", OrganizationType.CUSTOMER, null, true, null,
                        IntStream.rangeClosed(1, 50).mapToObj(i -> "d" + i + ".test").toList()),
                taken("255 characters of name", ACCOUNTS, "A1," + "n".repeat(255) + ",Customer,,,,", "A1", "n".repeat(255),
                        OrganizationType.CUSTOMER, null, true, null, List.of()),
                taken("the optional columns may be left out", "Id,Name,Type,Partner_Track__c,Partner_Status__c", "A1,Acme,Customer,,", "A1",
                        "Acme", OrganizationType.CUSTOMER, null, true, null, List.of()),
                taken("the header's case does not matter, nor its order, nor other columns", "type,NAME,Extra,partner_status__c,ID,"
                        + "Partner_Track__C,domains__c", "Partner,ResellCo,ignored,Authorized,P1,Open,resellco.test", "P1", "ResellCo",
                        OrganizationType.PARTNER, PartnerTrack.OPEN, true, null, List.of("resellco.test")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("accepted")
    void aRowInTheProgrammeBecomesAnAccount(String name, String header, String row, String id, String organization, OrganizationType type,
                                            @Nullable PartnerTrack track, boolean compliant, @Nullable String parent, List<String> domains) {
        Parsed parsed = parse(header, row);
        assertThat(parsed.rejects()).isEmpty();
        AccountImport.Account account = parsed.accounts().getFirst();
        assertThat(account.id()).isEqualTo(id);
        assertThat(account.name()).isEqualTo(organization);
        assertThat(account.type()).isEqualTo(type);
        assertThat(account.track()).isEqualTo(track);
        assertThat(account.compliant()).isEqualTo(compliant);
        assertThat(account.parentCompany()).isEqualTo(parent);
        assertThat(account.domains()).containsExactlyElementsOf(domains);
    }
}
