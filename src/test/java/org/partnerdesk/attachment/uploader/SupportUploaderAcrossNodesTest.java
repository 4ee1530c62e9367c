package org.partnerdesk.attachment.uploader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.partnerdesk.Desk.SUPPORT_FORM;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.partnerdesk.ApiClient.Reply;
import org.partnerdesk.ApiTest;
import org.partnerdesk.Desk.Account;
import org.partnerdesk.PartnerDeskApplication;
import org.partnerdesk.TestDataDir;
import org.partnerdesk.database.LocalPostgres;
import org.partnerdesk.jobs.NodeName;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue #11 items 6 and 8: two nodes on one database. This test's desk is one node; a second one is started on the same
 * PostgreSQL with a data directory of its own, once with its own staging directory and once with a shared one.
 */
class SupportUploaderAcrossNodesTest extends ApiTest {

    private static ConfigurableApplicationContext nodeOwnStaging;
    private static ConfigurableApplicationContext nodeSharedStaging;

    @Autowired
    LocalPostgres postgres;
    @Autowired
    NodeName thisNode;
    @Autowired
    JdbcClient db;
    @Value("${partnerdesk.data-dir}")
    Path dataDir;

    /** A one-time job that takes a moment, so the node running it can be seen in {@code scheduled_tasks.picked_by}. */
    static class Probe {
        @Bean
        OneTimeTask<Void> nodeNameProbe() {
            return Tasks.oneTime("node-name-probe").execute((instance, context) -> sleep(3000));
        }
    }

    @AfterAll
    static void stopOtherNodes() {
        for (ConfigurableApplicationContext node : new ConfigurableApplicationContext[] {nodeOwnStaging, nodeSharedStaging}) {
            if (node != null) {
                node.close();
            }
        }
    }

    @Test
    void anUploadStagedOnAnotherNodeIsRefusedWith410TellingTheClientToStartAgainNever500() throws Exception {
        String other = baseUrlOf(nodeWithOwnStaging());
        byte[] file = bytes(300_000);
        String upload = created(TusClient.create(link(aTicket()), file.length, "crash.log"));
        assertThat(TusClient.patch(upload, 0, Arrays.copyOfRange(file, 0, 100_000)).status()).isEqualTo(204);

        Reply patch = TusClient.patch(onNode(upload, other), 100_000, Arrays.copyOfRange(file, 100_000, file.length));
        Reply head = TusClient.head(onNode(upload, other));
        Reply headWhereItStarted = TusClient.head(upload);

        assertThat(patch.status()).isEqualTo(410);
        assertThat(head.status()).isEqualTo(410);
        assertThat(headWhereItStarted.status()).as("dropped: the client starts again on whichever node").isEqualTo(410);
        assertThat(patch.at("/error").stringValue()).isEqualTo("UploadRestartRequired");
        assertThat(patch.at("/description").stringValue()).contains("staged on node " + thisNode.value()).contains("Start the file again");
    }

    @Test
    void withASharedStagingDirectoryAnyNodeResumesAnUploadAnotherNodeStarted() throws Exception {
        String other = baseUrlOf(nodeWithSharedStaging());
        Ticket ticket = aTicket();
        byte[] file = bytes(300_000);
        String upload = created(TusClient.create(link(ticket), file.length, "crash.log"));
        assertThat(TusClient.patch(upload, 0, Arrays.copyOfRange(file, 0, 100_000)).status()).isEqualTo(204);

        Reply head = TusClient.head(onNode(upload, other));
        Reply last = TusClient.patch(onNode(upload, other), 100_000, Arrays.copyOfRange(file, 100_000, file.length));

        assertThat(head.header("Upload-Offset")).isEqualTo("100000");
        assertThat(last.status()).as(last.toString()).isEqualTo(204);
        assertThat(last.header("Upload-Offset")).isEqualTo("300000");
        assertThat(db.sql("select count(*) from uploaded_files where ticket_id = ? and size = 300000").param(ticket.id())
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void twoNodesOnOneDatabaseHaveDifferentNamesAndTheSchedulerRecordsTheOneThatPickedAJob() throws Exception {
        ConfigurableApplicationContext other = nodeWithOwnStaging();
        NodeName otherNode = other.getBean(NodeName.class);
        Scheduler scheduler = other.getBean(Scheduler.class);

        scheduler.schedule(other.getBean("nodeNameProbe", OneTimeTask.class).instance("1"), Instant.now());
        String pickedBy = awaitPickedBy();

        assertThat(otherNode.value()).isNotEqualTo(thisNode.value());
        assertThat(thisNode.value()).matches(".+:" + port + "/[0-9a-f]{6}");
        assertThat(otherNode.value()).matches(".+:" + portOf(other) + "/[0-9a-f]{6}");
        assertThat(pickedBy).isEqualTo(otherNode.value());
    }

    // --- fixtures ---

    record Ticket(long id) {
    }

    private ConfigurableApplicationContext nodeWithOwnStaging() throws Exception {
        if (nodeOwnStaging == null) {
            nodeOwnStaging = startNode(Map.of(), Probe.class);
        }
        return nodeOwnStaging;
    }

    private ConfigurableApplicationContext nodeWithSharedStaging() throws Exception {
        if (nodeSharedStaging == null) {
            nodeSharedStaging = startNode(Map.of("partnerdesk.uploader.staging-dir", dataDir.resolve("uploader").toString()));
        }
        return nodeSharedStaging;
    }

    private ConfigurableApplicationContext startNode(Map<String, Object> more, Class<?>... extra) throws Exception {
        Path ownDataDir = Files.createTempDirectory(TestDataDir.PATH, "second-node-");
        var properties = new java.util.HashMap<String, Object>(Map.of(
                "spring.datasource.url", postgres.jdbcUrl(),
                "spring.datasource.username", postgres.username(),
                "server.port", "0",
                "partnerdesk.data-dir", ownDataDir.toString(),
                "partnerdesk.admin.email", ADMIN_EMAIL,
                "partnerdesk.admin.token", ADMIN_TOKEN,
                "partnerdesk.demo-data", "false"));
        properties.putAll(more);
        Class<?>[] sources = new Class<?>[extra.length + 1];
        sources[0] = PartnerDeskApplication.class;
        System.arraycopy(extra, 0, sources, 1, extra.length);
        // as arguments: they must win over application.properties, as environment variables do on a real node
        String[] arguments = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
        return new SpringApplicationBuilder(sources).run(arguments);
    }

    private static String baseUrlOf(ConfigurableApplicationContext node) {
        return "http://localhost:" + portOf(node);
    }

    private static int portOf(ConfigurableApplicationContext node) {
        return ((WebServerApplicationContext) node).getWebServer().getPort();
    }

    private String onNode(String uploadUrl, String nodeBaseUrl) {
        return uploadUrl.replace(baseUrl(), nodeBaseUrl);
    }

    private String awaitPickedBy() throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
        while (Instant.now().isBefore(deadline)) {
            String pickedBy = db.sql("select picked_by from scheduled_tasks where task_name = 'node-name-probe' and picked")
                    .query(String.class).optional().orElse(null);
            if (pickedBy != null) {
                return pickedBy;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no node picked the probe job");
    }

    private Ticket aTicket() {
        Account customer = desk.endUserIn(desk.aCustomer());
        Reply created = customer.api().post("/api/v2/tickets", """
                {"ticket":{"subject":"Runner crashes","comment":{"body":"Every job fails"},"ticket_form_id":%d}}""".formatted(SUPPORT_FORM));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return new Ticket(created.id("ticket"));
    }

    private String link(Ticket ticket) {
        Reply made = desk.agent().api().post("/api/v2/tickets/" + ticket.id() + "/upload_links", "{}");
        assertThat(made.status()).as(made.toString()).isEqualTo(201);
        return made.at("/upload_link/url").stringValue();
    }

    private static String created(Reply reply) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return reply.header("Location");
    }

    private static byte[] bytes(int length) {
        byte[] bytes = new byte[length];
        new Random(length).nextBytes(bytes);
        return bytes;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
