package org.partnerdesk.directory.crm.ui;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.partnerdesk.directory.crm.CrmImport;
import org.partnerdesk.directory.crm.Reject;

/** One import run as the pages show it (DIR-7): its tally in words, who ran it, when, and the rejected rows shown. */
record ImportReport(CrmImport run, String file, String source, String by, String started, @Nullable String finished, String tally,
                    List<Reject> rejects) {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm:ss 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    static ImportReport of(CrmImport run, String by, List<Reject> rejects) {
        String file = run.kind().code() + (run.fileName() == null ? "" : " (" + run.fileName() + ")");
        String source = switch (run.source()) {
            case "command_line" -> "command line";
            case "page" -> "operations console";
            default -> "API";
        };
        String tally = run.rows() + (run.rows() == 1 ? " row: " : " rows: ") + run.created() + " created, " + run.updated()
                + " updated, " + run.unchanged() + " unchanged, " + run.rejectedCount() + " rejected";
        return new ImportReport(run, file, source, by, when(run.startedAt()), run.finishedAt() == null ? null : when(run.finishedAt()),
                tally, rejects);
    }

    static String when(Instant at) {
        return WHEN.format(at);
    }
}
