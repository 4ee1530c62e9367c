package org.partnerdesk.directory.crm;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.jspecify.annotations.Nullable;
import org.partnerdesk.api.Actor;
import org.partnerdesk.api.ApiException;
import org.partnerdesk.api.CursorPage;
import org.partnerdesk.api.PageRequest;
import org.partnerdesk.directory.crm.persistence.StoredCrmImports;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * DIR-7 the CRM import: one file (accounts or contacts) per run, read as a stream in chunks, all of it one
 * transaction with its audits and its record, so a run that fails leaves nothing behind. Admins run imports, staff
 * read their reports.
 */
@Service
public class CrmImports {

    /** Rows checked and written together: large enough that a chunk costs a handful of statements, small enough to stay light. */
    static final int CHUNK = 2000;

    private final AccountImport accounts;
    private final ContactImport contacts;
    private final StoredCrmImports stored;

    CrmImports(AccountImport accounts, ContactImport contacts, StoredCrmImports stored) {
        this.accounts = accounts;
        this.contacts = contacts;
        this.stored = stored;
    }

    /** DIR-7: admins run imports (the API, the command line and the operations console alike). */
    public boolean mayRun(Actor actor) {
        return actor.isAdmin();
    }

    public void requireMayRun(Actor actor) {
        actor.requireAdmin();
    }

    @Transactional
    public CrmImport run(Actor actor, ImportKind kind, @Nullable String fileName, String source, InputStream body) {
        requireMayRun(actor);
        // one import at a time: two runs over the same accounts would each see the other's rows as missing
        if (!stored.tryLock()) {
            throw new ApiException(409, "ImportRunning", "Another CRM import is running; try again when it has finished.");
        }
        try (CrmFile file = CrmFile.open(body, kind)) {
            ImportRun run = new ImportRun(stored.start(kind, fileName, source, actor.userId()), actor);
            int rows = file.forEachChunk(CHUNK, chunk -> {
                switch (kind) {
                    case ACCOUNTS -> accounts.importChunk(run, chunk);
                    case CONTACTS -> contacts.importChunk(run, chunk);
                }
                stored.addRejects(run.id(), run.takeRejects());
            });
            stored.finish(run.id(), rows, run);
            return stored.find(run.id()).orElseThrow();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public CrmImport find(Actor actor, long id) {
        actor.requireStaff();
        return stored.find(id).orElseThrow(() -> ApiException.notFound("CRM import " + id));
    }

    public CursorPage<CrmImport> page(Actor actor, PageRequest page) {
        actor.requireStaff();
        return CursorPage.of(stored.page(page.afterId(), page.fetchSize()), page, CrmImport::id);
    }

    /** #16: one import without its rejects, which its page lists a page at a time. */
    public CrmImport summary(Actor actor, long id) {
        actor.requireStaff();
        return stored.findSummary(id).orElseThrow(() -> ApiException.notFound("CRM import " + id));
    }

    /** #16: the history of imports, latest first, for the operations console. */
    public CursorPage<CrmImport> latest(Actor actor, PageRequest page) {
        actor.requireStaff();
        return CursorPage.of(stored.latest(page.afterId() == 0 ? Long.MAX_VALUE : page.afterId(), page.fetchSize()), page, CrmImport::id);
    }

    public CursorPage<Reject> rejects(Actor actor, long id, PageRequest page) {
        summary(actor, id);
        return CursorPage.of(stored.rejects(id, (int) Math.min(page.afterId(), Integer.MAX_VALUE), page.fetchSize()), page, Reject::row);
    }
}
