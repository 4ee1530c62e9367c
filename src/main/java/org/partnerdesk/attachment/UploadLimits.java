package org.partnerdesk.attachment;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * {@code partnerdesk.attachments.*} (FILE-1, DOMAIN-FACTS "Files"): the largest standard attachment, how long an
 * upload token may wait for a comment, and how often unused uploads are swept.
 */
@ConfigurationProperties("partnerdesk.attachments")
public record UploadLimits(DataSize maxSize, Duration tokenLifetime, Duration sweepInterval) {

    public long maxBytes() {
        return maxSize.toBytes();
    }

    /** The limit as a person reads it: "20 MB", or bytes when it is not a whole number of megabytes. */
    public String maxSizeInWords() {
        long bytes = maxSize.toBytes();
        return bytes % DataSize.ofMegabytes(1).toBytes() == 0 ? maxSize.toMegabytes() + " MB" : bytes + " bytes";
    }
}
