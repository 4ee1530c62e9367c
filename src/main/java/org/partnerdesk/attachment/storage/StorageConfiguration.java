package org.partnerdesk.attachment.storage;

import java.io.IOException;
import java.nio.file.Path;

import org.partnerdesk.attachment.FileStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** FILE-3: files go to the disk under the data directory unless a bucket is configured. */
@Configuration(proxyBeanMethods = false)
class StorageConfiguration {

    @Bean
    FileStore fileStore(@Value("${partnerdesk.data-dir}") Path dataDir) throws IOException {
        return new DiskFileStore(dataDir.resolve("files"));
    }
}
