package org.partnerdesk.attachment.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.partnerdesk.attachment.FileStore;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * FILE-3 in production: an S3-compatible bucket. A put streams through one part buffer: content that fits in it is one
 * PutObject, longer content a multipart upload, part by part, aborted when it fails or passes the limit; memory per
 * upload is one part, whatever the file's size. Objects appear only when complete, so readers never see half a file.
 */
class S3FileStore implements FileStore, AutoCloseable {

    /** S3 refuses parts under 5 MiB except the last one. */
    static final int MIN_PART_SIZE = 5 * 1024 * 1024;
    private static final Pattern KEY = Pattern.compile("[a-z0-9][a-z0-9-]*(/[a-z0-9][a-z0-9-]*)*");

    private final S3Client s3;
    private final String bucket;
    private final int partSize;

    S3FileStore(S3Client s3, String bucket, int partSize) {
        if (partSize < MIN_PART_SIZE) {
            throw new IllegalArgumentException("an S3 part is at least " + MIN_PART_SIZE + " bytes, not " + partSize);
        }
        this.s3 = s3;
        this.bucket = bucket;
        this.partSize = partSize;
    }

    @Override
    public StoredFile put(String key, InputStream content, long maxBytes) throws IOException {
        check(key);
        CountingDigest copy = new CountingDigest();
        try (Parts parts = new Parts(key)) {
            copy.copy(content, parts, maxBytes);
            parts.complete();
        } catch (SdkException e) {
            throw new IOException("storing " + key + " in bucket " + bucket + " failed", e);
        }
        return new StoredFile(key, copy.size(), copy.sha256());
    }

    @Override
    public InputStream open(String key) throws IOException {
        check(key);
        try {
            return s3.getObject(request -> request.bucket(bucket).key(key));
        } catch (NoSuchKeyException e) {
            throw new NoSuchFileException(key);
        } catch (SdkException e) {
            throw new IOException("reading " + key + " from bucket " + bucket + " failed", e);
        }
    }

    @Override
    public void delete(String key) throws IOException {
        check(key);
        try {
            s3.deleteObject(request -> request.bucket(bucket).key(key));
        } catch (SdkException e) {
            throw new IOException("removing " + key + " from bucket " + bucket + " failed", e);
        }
    }

    @Override
    public void close() {
        s3.close();
    }

    private static void check(String key) {
        if (!KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("not a storage key: " + key);
        }
    }

    /**
     * The sink the copy writes to: fills one buffer; when it is full and more comes, the buffer goes up as a part.
     * Closing without {@link #complete()} aborts the multipart upload, so a failed put leaves no object and no parts.
     */
    private final class Parts extends OutputStream {

        private final String key;
        private final byte[] buffer = new byte[partSize];
        private final List<CompletedPart> sent = new ArrayList<>();
        private int filled;
        private @Nullable String uploadId;
        private boolean completed;

        Parts(String key) {
            this.key = key;
        }

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            while (length > 0) {
                if (filled == buffer.length) {
                    sendPart();
                }
                int n = Math.min(length, buffer.length - filled);
                System.arraycopy(bytes, offset, buffer, filled, n);
                filled += n;
                offset += n;
                length -= n;
            }
        }

        void complete() {
            if (uploadId == null) {
                s3.putObject(request -> request.bucket(bucket).key(key).contentLength((long) filled),
                        RequestBody.fromByteBuffer(java.nio.ByteBuffer.wrap(buffer, 0, filled)));
            } else {
                sendPart();
                String id = uploadId;
                s3.completeMultipartUpload(request -> request.bucket(bucket).key(key).uploadId(id)
                        .multipartUpload(upload -> upload.parts(sent)));
            }
            completed = true;
        }

        private void sendPart() {
            if (uploadId == null) {
                uploadId = s3.createMultipartUpload(request -> request.bucket(bucket).key(key)).uploadId();
            }
            int number = sent.size() + 1;
            String id = uploadId;
            String etag = s3.uploadPart(request -> request.bucket(bucket).key(key).uploadId(id).partNumber(number)
                            .contentLength((long) filled),
                    RequestBody.fromByteBuffer(java.nio.ByteBuffer.wrap(buffer, 0, filled))).eTag();
            sent.add(CompletedPart.builder().partNumber(number).eTag(etag).build());
            filled = 0;
        }

        @Override
        public void close() {
            if (!completed && uploadId != null) {
                String id = uploadId;
                s3.abortMultipartUpload(request -> request.bucket(bucket).key(key).uploadId(id));
            }
        }
    }
}
