package org.partnerdesk.directory.crm;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * DIR-7, #16: the accounts and contacts files uploaded together from the operations console, imported one after the
 * other (accounts first), and how far the import has read them.
 */
public record CrmUpload(long id, long actorId, Status status, @Nullable ImportKind reading, @Nullable String accountsFile,
                        @Nullable String contactsFile, long bytesRead, long bytesTotal, @Nullable Long accountsImportId,
                        @Nullable Long contactsImportId, @Nullable String problem, Instant startedAt, Instant updatedAt,
                        @Nullable Instant finishedAt) {

    /** A run that has not moved for this long has lost the node that ran it. */
    static final Duration SILENT_AFTER = Duration.ofMinutes(2);

    public enum Status {
        QUEUED, RUNNING, FINISHED, FAILED;

        public String code() {
            return name().toLowerCase();
        }

        public static Optional<Status> fromCode(String code) {
            return Arrays.stream(values()).filter(status -> status.code().equals(code)).findFirst();
        }
    }

    public boolean isDone() {
        return status == Status.FINISHED || status == Status.FAILED;
    }

    /** Whole per cent of both files read, 0 to 100. */
    public int percentRead() {
        if (status == Status.FINISHED) {
            return 100;
        }
        return bytesTotal <= 0 ? 0 : (int) Math.min(100, bytesRead * 100 / bytesTotal);
    }

    /** A run still marked running that has written no progress for a while: its node stopped (the import rolled back). */
    public boolean isSilentAt(Instant now) {
        return !isDone() && updatedAt.plus(SILENT_AFTER).isBefore(now);
    }
}
