package org.partnerdesk.directory.crm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.partnerdesk.ApiTest;
import org.partnerdesk.Desk;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;

/** DIR-7 from the command line: {@code import-crm --accounts=… --contacts=…}, with an exit status. */
class CrmImportCommandTest extends ApiTest {

    @Autowired
    CrmImportCommand command;

    @TempDir
    Path files;

    private String p;
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

    @BeforeEach
    void prefix() {
        p = Desk.unique("cli").toLowerCase();
    }

    private int run(String... args) {
        printed.reset();
        return command.execute(new DefaultApplicationArguments(args), new PrintStream(printed, true, StandardCharsets.UTF_8));
    }

    private String output() {
        return printed.toString(StandardCharsets.UTF_8);
    }

    private Path file(String name, String content) throws IOException {
        return Files.writeString(files.resolve(name), content);
    }

    @Test // DIR-7: accounts, then contacts; a second run of the same files changes nothing and exits 0
    void importsBothFilesAndASecondRunChangesNothing() throws IOException {
        Path accounts = file("accounts.csv", "\uFEFF" + CrmImportApiTest.ACCOUNTS + "\r\n"
                + p + "-A1,\"" + p + " Acme, Inc.\",Customer,,,," + p + "-acme.test\r\n");
        Path contacts = file("contacts.csv", CrmImportApiTest.CONTACTS + "\r\n"
                + p + "-C1," + p + "-A1,Ann,Able,ann@" + p + "-acme.test\r\n");
        assertThat(run("import-crm", "--accounts=" + accounts, "--contacts=" + contacts)).isEqualTo(CrmImportCommand.IMPORTED);
        assertThat(output()).contains("accounts " + accounts).contains("1 rows: 1 created, 0 updated, 0 unchanged, 0 rejected");
        assertThat(desk.admin.get("/api/v2/users/search?query=ann@" + p + "-acme.test").at("/users/0/external_id").stringValue())
                .isEqualTo(p + "-C1");
        assertThat(run("import-crm", "--accounts=" + accounts, "--contacts=" + contacts)).isEqualTo(CrmImportCommand.IMPORTED);
        assertThat(output()).contains("1 rows: 0 created, 0 updated, 1 unchanged, 0 rejected");
        long id = desk.admin.get("/api/v2/imports/crm?page[size]=100").json().get("imports").valueStream()
                .filter(i -> "contacts.csv".equals(i.get("file_name").stringValue())).reduce((a, b) -> b).orElseThrow().get("id").longValue();
        assertThat(desk.admin.get("/api/v2/imports/crm/" + id).at("/import/source").stringValue()).isEqualTo("command_line");
    }

    @Test // DIR-7: rejected rows are printed with their row and column, and the exit status says so
    void rejectedRowsExitWithTwo() throws IOException {
        Path accounts = file("accounts.csv", CrmImportApiTest.ACCOUNTS + "\n" + p + "-X1," + p + " Vendor,Vendor,,,,\n"
                + p + "-A1," + p + " Acme,Customer,,,,\n");
        assertThat(run("import-crm", "--accounts=" + accounts)).isEqualTo(CrmImportCommand.REJECTED_ROWS);
        assertThat(output()).contains("row 2 Type: is 'Vendor'");
    }

    @Test
    void wrongUsageAndUnreadableFilesFail() throws IOException {
        assertThat(run("import-crm")).isEqualTo(CrmImportCommand.USAGE);
        assertThat(run("import-crm", "--contacts=" + files.resolve("missing.csv"))).isEqualTo(CrmImportCommand.FAILED);
        Path contacts = file("contacts.csv", "Id,Email\n1,a@b.test\n");
        assertThat(run("import-crm", "--contacts=" + contacts)).isEqualTo(CrmImportCommand.FAILED);
        assertThat(output()).contains("refused, nothing imported").contains("AccountId");
        assertThat(run("import-crm", "--contacts=" + contacts, "--as=nobody@nowhere.test")).isEqualTo(CrmImportCommand.FAILED);
        assertThat(output()).contains("is not an admin");
    }
}
