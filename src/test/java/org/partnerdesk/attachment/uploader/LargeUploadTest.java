package org.partnerdesk.attachment.uploader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.partnerdesk.Desk.SUPPORT_FORM;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.http.HttpRequest.BodyPublishers;
import java.security.MessageDigest;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.partnerdesk.ApiClient.Reply;
import org.partnerdesk.ApiTest;
import org.partnerdesk.Desk.Account;
import org.partnerdesk.attachment.FileStore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * FILE-3: a 1 GiB tus upload in four 256 MiB PATCHes streams through (client, server, staging, store) without the
 * heap growing by anything like the file: the old generation, where a large buffer would land, stays flat.
 * {@code bench/upload.sh} repeats this with 1 GB and 3 GB against a desk run with a 256 MB heap.
 */
class LargeUploadTest extends ApiTest {

    private static final long GIB = 1L << 30;
    private static final long CHUNK = 256L << 20;
    private static final long MB = 1 << 20;

    @Test
    void aOneGigabyteUploadStreamsWithAFlatHeap() throws Exception {
        String upload = created(TusClient.create(link(), GIB, "disk.img"));
        MessageDigest sent = GeneratedContent.newDigest();
        List<MemoryPoolMXBean> oldPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP && !pool.getName().contains("Eden") && !pool.getName().contains("Survivor"))
                .toList();
        System.gc();
        long heapBefore = heapUsed();
        long oldBefore = used(oldPools);
        AtomicLong heapPeak = new AtomicLong(heapBefore);
        AtomicLong oldPeak = new AtomicLong(oldBefore);
        AtomicBoolean running = new AtomicBoolean(true);
        Thread sampler = Thread.ofPlatform().daemon().start(() -> {
            while (running.get()) {
                heapPeak.accumulateAndGet(heapUsed(), Math::max);
                oldPeak.accumulateAndGet(used(oldPools), Math::max);
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });

        long started = System.nanoTime();
        for (long offset = 0; offset < GIB; offset += CHUNK) {
            long from = offset;
            Reply patched = TusClient.patch(upload, offset, BodyPublishers.fromPublisher(
                    BodyPublishers.ofInputStream(() -> new GeneratedContent(from, CHUNK, sent)), CHUNK));
            assertThat(patched.status()).as(patched.toString()).isEqualTo(204);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        running.set(false);
        sampler.join();
        System.gc();
        long heapAfter = heapUsed();

        System.out.printf("FILE-3 1 GiB tus upload: %.1f s, %.0f MB/s; heap used before %d MB, peak %d MB, after %d MB; "
                        + "old generation before %d MB, peak %d MB%n", seconds, GIB / MB / seconds, heapBefore / MB, heapPeak.get() / MB,
                heapAfter / MB, oldBefore / MB, oldPeak.get() / MB);
        Reply listed = desk.admin.get("/api/v2/tickets/" + ticket + "/uploaded_files");
        assertThat(listed.at("/uploaded_files/0/size").longValue()).isEqualTo(GIB);
        assertThat(listed.at("/uploaded_files/0/sha256").stringValue()).isEqualTo(GeneratedContent.hex(sent));
        assertThat(oldPeak.get() - oldBefore).as("old generation growth").isLessThan(128 * MB);
        assertThat(heapAfter - heapBefore).as("heap kept after the upload").isLessThan(64 * MB);
        files.delete(db.sql("select storage_key from uploaded_files where ticket_id = ?").param(ticket).query(String.class).single());
    }

    @Autowired
    FileStore files;

    @Autowired
    JdbcClient db;

    private long ticket;

    private String link() {
        Account customer = desk.endUserIn(desk.aCustomer());
        Reply created = customer.api().post("/api/v2/tickets", """
                {"ticket":{"subject":"Disk image","comment":{"body":"Here it comes"},"ticket_form_id":%d}}""".formatted(SUPPORT_FORM));
        ticket = created.id("ticket");
        Reply made = desk.agent().api().post("/api/v2/tickets/" + ticket + "/upload_links", "{}");
        return made.at("/upload_link/url").stringValue();
    }

    private static String created(Reply reply) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return reply.header("Location");
    }

    private static long heapUsed() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static long used(List<MemoryPoolMXBean> pools) {
        return pools.stream().mapToLong(pool -> pool.getUsage().getUsed()).sum();
    }
}
