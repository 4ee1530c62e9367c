package org.partnerdesk.attachment.uploader;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * FILE-2: unfinished uploads are staged under {@code <data dir>/uploader} (or {@code PARTNERDESK_UPLOADER_STAGING_DIR});
 * a job on the scheduler sweeps dead ones.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(UploaderSettings.class)
class UploaderConfiguration {

    @Bean
    Staging uploaderStaging(@Value("${partnerdesk.data-dir}") Path dataDir, UploaderSettings settings) throws IOException {
        return new Staging(settings.stagingDir() == null ? dataDir.resolve("uploader") : Path.of(settings.stagingDir()));
    }

    @Bean
    RecurringTask<Void> uploaderCleanupTask(UploaderCleanup cleanup, UploaderSettings settings, Clock clock) {
        return Tasks.recurring("uploader-cleanup", FixedDelay.of(settings.cleanupInterval()))
                .execute((instance, context) -> {
                    try {
                        cleanup.sweep(clock.instant());
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
    }
}
