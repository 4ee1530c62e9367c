package org.partnerdesk.directory.crm;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.partnerdesk.api.Actor;
import org.partnerdesk.api.ApiException;
import org.partnerdesk.directory.Users;
import org.partnerdesk.directory.crm.persistence.StoredCrmImports;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

/**
 * DIR-7 from the command line: {@code java -jar partnerdesk.jar import-crm --accounts=a.csv --contacts=c.csv [--as=EMAIL]}.
 * Accounts first, then contacts, each its own run and report, as the admin named by {@code --as} (default: the
 * start-up admin). Runs before the desk is ready (no web server, no demo data, no jobs) and exits with a status:
 * 0 every row imported, 2 some rows rejected, 1 a file refused or the run failed, 64 wrong usage.
 */
@Component
class CrmImportCommand implements ApplicationRunner {

    static final String NAME = "import-crm";
    static final int IMPORTED = 0;
    static final int FAILED = 1;
    static final int REJECTED_ROWS = 2;
    static final int USAGE = 64;
    private static final int REJECTS_PRINTED = 50;

    private final CrmImports imports;
    private final Users users;
    private final StoredCrmImports stored;
    private final ConfigurableApplicationContext context;
    private final String adminEmail;

    CrmImportCommand(CrmImports imports, Users users, StoredCrmImports stored, ConfigurableApplicationContext context,
                     @Value("${partnerdesk.admin.email:admin@partnerdesk.test}") String adminEmail) {
        this.imports = imports;
        this.users = users;
        this.stored = stored;
        this.context = context;
        this.adminEmail = adminEmail.strip();
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!isRequested(args.getSourceArgs())) {
            return;
        }
        int status = execute(args, System.out);
        // exit before the application is ready, so nothing meant for a serving desk (demo data, jobs) starts
        System.exit(SpringApplication.exit(context, () -> status));
    }

    static boolean isRequested(String[] args) {
        return args.length > 0 && args[0].equals(NAME);
    }

    int execute(ApplicationArguments args, PrintStream out) {
        if (option(args, "accounts").isEmpty() && option(args, "contacts").isEmpty()) {
            out.println("usage: import-crm [--accounts=ACCOUNTS.csv] [--contacts=CONTACTS.csv] [--as=ADMIN_EMAIL]");
            out.println("  accounts: Id,Name,Type,Partner_Track__c,Partner_Status__c,Parent_Company__c,Domains__c");
            out.println("  contacts: Id,AccountId,FirstName,LastName,Email");
            return USAGE;
        }
        Optional<String> named = option(args, "as");
        if (named.isEmpty() && !adminEmail.isEmpty()) {
            users.ensureAdmin(adminEmail, "Desk Admin"); // SPEC 7: the start-up admin exists, even before the desk's first start
        }
        String as = named.orElse(adminEmail);
        Optional<Actor> actor = stored.actorWithEmail(as);
        if (actor.isEmpty() || !actor.get().isAdmin()) {
            out.println("import-crm: " + as + " is not an admin of this desk; name one with --as=EMAIL");
            return FAILED;
        }
        int status = IMPORTED;
        for (ImportKind kind : ImportKind.values()) { // accounts before contacts: contacts join their accounts
            Optional<String> path = option(args, kind.code());
            if (path.isEmpty()) {
                continue;
            }
            int result = importFile(actor.get(), kind, Path.of(path.get()), out);
            if (result == FAILED) {
                return FAILED;
            }
            status = Math.max(status, result);
        }
        return status;
    }

    private int importFile(Actor actor, ImportKind kind, Path path, PrintStream out) {
        long started = System.nanoTime();
        CrmImport done;
        try (InputStream in = Files.newInputStream(path)) {
            done = imports.run(actor, kind, path.getFileName().toString(), CrmImport.FROM_COMMAND_LINE, in);
        } catch (IOException e) {
            out.println("import-crm: cannot read " + path + ": " + e.getMessage());
            return FAILED;
        } catch (ApiException e) {
            out.println("import-crm: " + kind.code() + " file " + path + " refused, nothing imported: " + e.description()
                    + (e.details().isEmpty() ? "" : " " + e.details()));
            return FAILED;
        }
        out.printf("import-crm: %s %s: import %d, %d rows: %d created, %d updated, %d unchanged, %d rejected (%d ms)%n",
                kind.code(), path, done.id(), done.rows(), done.created(), done.updated(), done.unchanged(), done.rejectedCount(),
                (System.nanoTime() - started) / 1_000_000);
        done.rejected().stream().limit(REJECTS_PRINTED).forEach(reject -> out.printf("  row %d%s: %s%n", reject.row(),
                reject.column() == null ? "" : " " + reject.column(), reject.reason()));
        if (done.rejectedCount() > REJECTS_PRINTED) {
            out.println("  … all " + done.rejectedCount() + " rejects: GET /api/v2/imports/crm/" + done.id() + "/rejects");
        }
        return done.rejectedCount() == 0 ? IMPORTED : REJECTED_ROWS;
    }

    private static Optional<String> option(ApplicationArguments args, String name) {
        List<String> values = args.getOptionValues(name);
        return values == null || values.isEmpty() || values.getFirst().isBlank() ? Optional.empty() : Optional.of(values.getFirst().strip());
    }
}
