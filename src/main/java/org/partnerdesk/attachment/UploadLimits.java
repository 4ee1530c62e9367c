package org.partnerdesk.attachment;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * {@code partnerdesk.attachments.*} (FILE-1, DOMAIN-FACTS "Files"): the largest standard attachment, how long an
 * upload token may wait for a comment, how often unused uploads are swept, and the Support Uploader's limit that a
 * refusal points to (FILE-2; bound from {@code partnerdesk.uploader.max-file-size}).
 */
@ConfigurationProperties("partnerdesk.attachments")
public record UploadLimits(DataSize maxSize, Duration tokenLifetime, Duration sweepInterval, DataSize supportUploaderMaxSize) {

    public long maxBytes() {
        return maxSize.toBytes();
    }

    /** The limit as a person reads it: "20 MB", or bytes when it is not a whole number of megabytes. */
    public String maxSizeInWords() {
        return inWords(maxSize);
    }

    /** The Support Uploader's limit as a person reads it: "3 GB". */
    public String supportUploaderMaxInWords() {
        return inWords(supportUploaderMaxSize);
    }

    private static String inWords(DataSize size) {
        long bytes = size.toBytes();
        if (bytes % DataSize.ofGigabytes(1).toBytes() == 0) {
            return size.toGigabytes() + " GB";
        }
        return bytes % DataSize.ofMegabytes(1).toBytes() == 0 ? size.toMegabytes() + " MB" : bytes + " bytes";
    }
}
