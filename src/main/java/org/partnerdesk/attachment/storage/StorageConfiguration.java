package org.partnerdesk.attachment.storage;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;

import org.jspecify.annotations.Nullable;
import org.partnerdesk.attachment.FileStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/** FILE-3: files go to the disk under the data directory unless a bucket is configured. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(StorageConfiguration.S3Settings.class)
class StorageConfiguration {

    @Bean
    FileStore fileStore(@Value("${partnerdesk.data-dir}") Path dataDir, S3Settings s3) throws IOException {
        if (s3.bucket() == null || s3.bucket().isBlank()) {
            return new DiskFileStore(dataDir.resolve("files"));
        }
        return new S3FileStore(s3.client(), s3.bucket(), Math.toIntExact(s3.partSize().toBytes()));
    }

    /**
     * {@code partnerdesk.storage.s3.*}: the bucket (set: S3 is used), an endpoint for S3-compatible servers (MinIO, Ceph…),
     * the region, static keys (unset: the AWS default chain), path-style addressing, and the multipart part size.
     */
    @ConfigurationProperties("partnerdesk.storage.s3")
    record S3Settings(@Nullable String bucket, @Nullable String endpoint, @Nullable String region, @Nullable String accessKey,
                      @Nullable String secretKey, boolean pathStyle, DataSize partSize) {

        S3Settings {
            partSize = partSize == null ? DataSize.ofMegabytes(8) : partSize;
        }

        S3Client client() {
            S3ClientBuilder builder = S3Client.builder()
                    .httpClientBuilder(UrlConnectionHttpClient.builder())
                    .region(Region.of(region == null || region.isBlank() ? "us-east-1" : region))
                    .forcePathStyle(pathStyle)
                    // S3-compatible servers do not all know the newer default checksums; SHA-256 is ours anyway
                    .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                    .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
            if (endpoint != null && !endpoint.isBlank()) {
                builder.endpointOverride(URI.create(endpoint.strip()));
            }
            builder.credentialsProvider(accessKey != null && !accessKey.isBlank() && secretKey != null
                    ? StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey))
                    : DefaultCredentialsProvider.builder().build());
            return builder.build();
        }
    }
}
