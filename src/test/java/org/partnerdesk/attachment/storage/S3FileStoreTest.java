package org.partnerdesk.attachment.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.util.Properties;

import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.partnerdesk.attachment.FileStore;
import org.springframework.util.unit.DataSize;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * FILE-3 production store: the same contract against a real S3 API server, S3Proxy 2.6.0 in this JVM over a transient
 * (in-memory) backend, reached over HTTP with SigV4 by the store's own client, configured as the desk configures it.
 */
class S3FileStoreTest extends FileStoreContract {

    private static final String BUCKET = "partnerdesk-test";
    private static S3Proxy server;
    private static BlobStoreContext backend;
    private static S3Client s3;

    @BeforeAll
    static void startServer() throws Exception {
        int port;
        try (var socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Properties overrides = new Properties();
        backend = ContextBuilder.newBuilder("transient").credentials("identity", "credential").overrides(overrides)
                .build(BlobStoreContext.class);
        server = S3Proxy.builder().blobStore(backend.getBlobStore()).endpoint(URI.create("http://127.0.0.1:" + port))
                .awsAuthentication(org.gaul.s3proxy.AuthenticationType.AWS_V2_OR_V4, "access-key", "secret-key").build();
        server.start();
        while (!server.getState().equals("STARTED")) {
            Thread.sleep(10);
        }
        s3 = settings("http://127.0.0.1:" + port).client();
        s3.createBucket(request -> request.bucket(BUCKET));
    }

    @AfterAll
    static void stopServer() throws Exception {
        s3.close();
        server.stop();
        backend.close();
    }

    static StorageConfiguration.S3Settings settings(String endpoint) {
        return new StorageConfiguration.S3Settings(BUCKET, endpoint, "us-east-1", "access-key", "secret-key", true,
                DataSize.ofMegabytes(5));
    }

    @Override
    FileStore store() {
        return new S3FileStore(s3, BUCKET, S3FileStore.MIN_PART_SIZE);
    }

    @Override
    long storedObjects() {
        long objects = s3.listObjectsV2(request -> request.bucket(BUCKET)).keyCount();
        long unfinished = s3.listMultipartUploads(request -> request.bucket(BUCKET)).uploads().size();
        return objects + unfinished;
    }

    @Test
    void theDeskUsesTheBucketWhenOneIsConfigured() throws IOException {
        var configured = new StorageConfiguration().fileStore(java.nio.file.Path.of("unused"), settings(s3.serviceClientConfiguration()
                .endpointOverride().orElseThrow().toString()));

        assertThat(configured).isInstanceOf(S3FileStore.class);
        try (var closing = (S3FileStore) configured) {
            closing.put("uploads/configured", bytes("via settings"), 100);
        }
        try (var in = store().open("uploads/configured")) {
            assertThat(in.readAllBytes()).asString().isEqualTo("via settings");
        }
    }
}
