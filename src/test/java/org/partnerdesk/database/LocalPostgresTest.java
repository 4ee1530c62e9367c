package org.partnerdesk.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.partnerdesk.TestDataDir;

/** Issue #11 item 2: the embedded PostgreSQL after a crash: a stale {@code postmaster.pid}, and no orphaned server. */
class LocalPostgresTest {

    @Test
    void aPostmasterPidWhosePidNowBelongsToAnotherProcessIsStaleAndStartUpGoesOn() throws Exception {
        Path dataDir = reachableByNobody("stale-pid-").resolve("pg");
        LocalPostgres.start(dataDir, false).close();
        Process other = new ProcessBuilder("sleep", "60").start(); // the PID the system gave someone else since
        try {
            Files.writeString(dataDir.resolve("postmaster.pid"), other.pid() + "\n" + dataDir + "\n1700000000\n5432\n\n127.0.0.1\n");

            try (LocalPostgres restarted = LocalPostgres.start(dataDir, true);
                 Connection connection = DriverManager.getConnection(restarted.jdbcUrl(), restarted.username(), "")) {
                assertThat(connection.isValid(2)).isTrue();
            }
            assertThat(other.isAlive()).as("the unrelated process is left alone").isTrue();
        } finally {
            other.destroyForcibly();
        }
    }

    @Test
    void extraServerSettingsReachTheServerSoTheBenchCanLoadPgStatStatements() throws Exception {
        Path dataDir = reachableByNobody("settings-").resolve("pg");
        // issue #19: bench/ceiling.sh starts the desk with partnerdesk.embedded.server-settings=shared_preload_libraries=...
        try (LocalPostgres postgres = LocalPostgres.start(dataDir, true, List.of("shared_preload_libraries=pg_stat_statements", "work_mem=7MB"));
             Connection connection = DriverManager.getConnection(postgres.jdbcUrl(), postgres.username(), "");
             var statement = connection.createStatement()) {
            var shown = statement.executeQuery("select current_setting('shared_preload_libraries'), current_setting('work_mem')");
            shown.next();
            assertThat(shown.getString(1)).isEqualTo("pg_stat_statements");
            assertThat(shown.getString(2)).isEqualTo("7MB");
        }
    }

    @Test
    void theServerStopsWhenTheJvmThatStartedItIsKilled() throws Exception {
        Path dataDir = reachableByNobody("orphan-").resolve("pg");
        String java = ProcessHandle.current().info().command().orElse("java");
        Process desk = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), EmbeddedOnly.class.getName(), dataDir.toString())
                .redirectErrorStream(true).start();
        long postgres;
        try {
            var output = new BufferedReader(new InputStreamReader(desk.getInputStream(), StandardCharsets.UTF_8));
            String line;
            while ((line = output.readLine()) != null && !line.equals("ready")) {
                // start-up log lines
            }
            assertThat(line).as("the child JVM started its PostgreSQL").isEqualTo("ready");
            postgres = Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid")).getFirst().strip());
            assertThat(ProcessHandle.of(postgres).map(ProcessHandle::isAlive)).contains(true);

            desk.destroyForcibly(); // kill -9
            desk.waitFor(10, TimeUnit.SECONDS);

            Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
            while (ProcessHandle.of(postgres).map(ProcessHandle::isAlive).orElse(false) && Instant.now().isBefore(deadline)) {
                Thread.sleep(100);
            }
            assertThat(ProcessHandle.of(postgres).map(ProcessHandle::isAlive).orElse(false)).as("PostgreSQL outlived its JVM").isFalse();
        } finally {
            desk.destroyForcibly();
            new ProcessBuilder(List.of("rm", "-rf", dataDir.getParent().toString())).start().waitFor(10, TimeUnit.SECONDS);
        }
    }

    // rwxr-xr-x: the server runs as nobody when the tests run as root (LocalPostgres) and must reach its directory
    private static Path reachableByNobody(String prefix) throws java.io.IOException {
        return Files.createTempDirectory(TestDataDir.PATH, prefix,
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
    }

    /** A JVM that only runs the embedded PostgreSQL, prints "ready", and waits to be killed. */
    public static final class EmbeddedOnly {
        public static void main(String[] args) throws Exception {
            LocalPostgres.start(Path.of(args[0]), false);
            System.out.println("ready");
            System.out.flush();
            Thread.sleep(Duration.ofMinutes(2));
        }
    }
}
