package org.partnerdesk.attachment.uploader;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * {@code partnerdesk.uploader.*} (FILE-2, DOMAIN-FACTS "Files"): how long a link lives, the largest file, how often
 * dead uploads are swept, the public base URL links are built on (empty: the URL the agent's request came in on), and
 * where unfinished uploads are staged (empty: {@code <data dir>/uploader}; a directory every node reaches lets any node
 * resume an upload, issue #11 item 6).
 */
@ConfigurationProperties("partnerdesk.uploader")
public record UploaderSettings(Duration linkLifetime, DataSize maxFileSize, Duration cleanupInterval, @Nullable String baseUrl,
                               @Nullable String stagingDir) {

    public UploaderSettings {
        linkLifetime = linkLifetime == null ? Duration.ofHours(48) : linkLifetime;
        maxFileSize = maxFileSize == null ? DataSize.ofGigabytes(3) : maxFileSize;
        cleanupInterval = cleanupInterval == null ? Duration.ofMinutes(15) : cleanupInterval;
        baseUrl = baseUrl == null || baseUrl.isBlank() ? null : baseUrl.strip().replaceAll("/+$", "");
        stagingDir = stagingDir == null || stagingDir.isBlank() ? null : stagingDir.strip();
    }
}
