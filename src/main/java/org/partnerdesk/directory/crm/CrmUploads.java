package org.partnerdesk.directory.crm;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.LongConsumer;

import jakarta.annotation.PreDestroy;
import org.jspecify.annotations.Nullable;
import org.partnerdesk.api.Actor;
import org.partnerdesk.api.ApiException;
import org.partnerdesk.directory.crm.persistence.StoredCrmUploads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * DIR-7, #16: the operations console's upload of the accounts and contacts files. The files are kept on this node, then
 * imported in the background by {@link CrmImports#run} one after the other (accounts first, as the command line does),
 * while the progress (bytes read) is written in transactions of its own, so any node's page shows it as the run goes.
 */
@Service
public class CrmUploads {

    /** One file as the page received it. */
    public record Upload(ImportKind kind, String fileName, long size, InputStream content) {
    }

    private record Staged(ImportKind kind, String fileName, long size, Path path) {
    }

    private static final Logger log = LoggerFactory.getLogger(CrmUploads.class);
    /** How often, at most, the progress is written while a file is read. */
    private static final long REPORT_EVERY_NANOS = 250_000_000L;

    private final CrmImports imports;
    private final StoredCrmUploads stored;
    private final TransactionTemplate ownTransaction;
    // one import at a time anyway (the import's lock); a second upload waits its turn here instead of being refused
    private final ExecutorService worker = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "crm-import");
        thread.setDaemon(true);
        return thread;
    });

    CrmUploads(CrmImports imports, StoredCrmUploads stored, PlatformTransactionManager transactions) {
        this.imports = imports;
        this.stored = stored;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** DIR-7: admins run imports; the page asks before it reads the files. */
    public boolean mayRun(Actor actor) {
        return imports.mayRun(actor);
    }

    /** Keeps the files and queues their import; the upload's page follows its progress. */
    public CrmUpload start(Actor actor, List<Upload> uploads) throws IOException {
        imports.requireMayRun(actor);
        if (uploads.isEmpty()) {
            throw ApiException.invalid("file", "blank", "choose the accounts CSV, the contacts CSV, or both");
        }
        List<Staged> staged = new ArrayList<>();
        try {
            for (ImportKind kind : ImportKind.values()) { // DIR-7: accounts before contacts, since contacts join their accounts
                for (Upload upload : uploads) {
                    if (upload.kind() == kind) {
                        Path path = Files.createTempFile("partnerdesk-crm-" + kind.code() + "-", ".csv");
                        staged.add(new Staged(kind, upload.fileName(), upload.size(), path));
                        Files.copy(upload.content(), path, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
            long id = stored.insert(actor.userId(), fileName(staged, ImportKind.ACCOUNTS), fileName(staged, ImportKind.CONTACTS),
                    staged.stream().mapToLong(Staged::size).sum());
            worker.execute(() -> work(id, actor, staged));
            return stored.find(id).orElseThrow();
        } catch (IOException | RuntimeException e) {
            delete(staged);
            throw e;
        }
    }

    public CrmUpload find(Actor actor, long id) {
        actor.requireStaff();
        return stored.find(id).orElseThrow(() -> ApiException.notFound("CRM upload " + id));
    }

    private void work(long id, Actor actor, List<Staged> files) {
        long done = 0;
        try {
            for (Staged file : files) {
                long before = done;
                report(id, file.kind(), before);
                CrmImport run;
                try (InputStream in = new Counting(Files.newInputStream(file.path()), read -> report(id, file.kind(), before + read))) {
                    run = imports.run(actor, file.kind(), file.fileName(), CrmImport.FROM_PAGE, in);
                }
                done += file.size();
                stored.imported(id, file.kind(), run.id(), done);
            }
            stored.finished(id);
        } catch (ApiException refused) {
            stored.failed(id, inWords(refused));
        } catch (IOException | RuntimeException e) {
            log.warn("CRM upload {} failed", id, e);
            stored.failed(id, "The import stopped with an error (" + e.getClass().getSimpleName() + "); nothing of the file it was"
                    + " reading was imported. Try again, or run it from the command line to see more.");
        } finally {
            delete(files);
        }
    }

    // DIR-7: a refused file (missing columns, not CSV, another import running) is said in the API's words, with its details
    private static String inWords(ApiException refused) {
        List<String> details = refused.details().values().stream().flatMap(List::stream).map(ApiException.FieldError::description).toList();
        String description = refused.description();
        return details.isEmpty() || details.stream().allMatch(description::contains) ? description
                : description + " (" + String.join("; ", details) + ")";
    }

    private void report(long id, ImportKind kind, long bytesRead) {
        ownTransaction.executeWithoutResult(status -> stored.progress(id, kind, bytesRead));
    }

    private static @Nullable String fileName(List<Staged> staged, ImportKind kind) {
        return staged.stream().filter(file -> file.kind() == kind).map(Staged::fileName).findFirst().orElse(null);
    }

    private static void delete(List<Staged> staged) {
        for (Staged file : staged) {
            try {
                Files.deleteIfExists(file.path());
            } catch (IOException e) {
                log.warn("could not delete {}", file.path(), e);
            }
        }
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }

    /** Counts the bytes the import has read, and says so now and then. */
    private static final class Counting extends FilterInputStream {
        private final LongConsumer progress;
        private long read;
        private long reportedAt = System.nanoTime();

        Counting(InputStream in, LongConsumer progress) {
            super(in);
            this.progress = progress;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                counted(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                counted(n);
            }
            return n;
        }

        private void counted(int n) {
            read += n;
            long now = System.nanoTime();
            if (now - reportedAt >= REPORT_EVERY_NANOS) {
                reportedAt = now;
                progress.accept(read);
            }
        }
    }
}
