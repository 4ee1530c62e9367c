package org.partnerdesk.directory.crm.ui;

import java.time.Instant;

import org.partnerdesk.directory.crm.CrmUpload;

/** DIR-7, #16: where an upload's import stands, in a sentence, and whether the page should keep asking. */
record UploadInWords(String words, String tone, boolean isPolling, int percent) {

    static UploadInWords of(CrmUpload upload, Instant now) {
        if (upload.isSilentAt(now)) {
            return new UploadInWords("No progress for over two minutes: the desk node running this import has stopped, and the file"
                    + " it was reading was not imported (the run is all or nothing). Upload the files again.", "breached", false,
                    upload.percentRead());
        }
        return switch (upload.status()) {
            case QUEUED -> new UploadInWords("Waiting for the import before it to finish.", "neutral", true, 0);
            case RUNNING -> new UploadInWords("Importing " + (upload.reading() == null ? "the files" : upload.reading().code()) + ": "
                    + upload.percentRead() + "% of the upload read.", "soon", true, upload.percentRead());
            case FINISHED -> new UploadInWords("Finished: each file was read to its end; what became of its rows is below.", "ok",
                    false, 100);
            case FAILED -> new UploadInWords("Stopped: " + upload.problem(), "breached", false, upload.percentRead());
        };
    }
}
