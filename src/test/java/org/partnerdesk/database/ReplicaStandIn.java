package org.partnerdesk.database;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.flywaydb.core.Flyway;
import org.partnerdesk.TestDataDir;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Issue #18: a second embedded PostgreSQL standing in for the streaming replica (the bundled binaries have no
 * pg_basebackup): the desk's schema by Flyway, and on demand a copy of the primary's rows, which a test then changes
 * on purpose so that an answer shows which server it was read from.
 */
final class ReplicaStandIn {

    private final LocalPostgres server;

    private ReplicaStandIn(LocalPostgres server) {
        this.server = server;
    }

    static ReplicaStandIn start() {
        LocalPostgres server = LocalPostgres.start(TestDataDir.PATH.resolve("replica-" + System.nanoTime()), true);
        Flyway.configure().dataSource(server.jdbcUrl(), server.username(), "").locations("classpath:db/migration").load().migrate();
        return new ReplicaStandIn(server);
    }

    String jdbcUrl() {
        return server.jdbcUrl();
    }

    /** The primary's rows as they are now, table by table, in place of the stand-in's: a replica caught up until now. */
    void copyFrom(LocalPostgres primary) {
        try (Connection from = DriverManager.getConnection(primary.jdbcUrl(), primary.username(), "");
             Connection to = connect(); Statement statement = to.createStatement()) {
            List<String> tables = tables(to);
            statement.execute("set session_replication_role = replica"); // rows as they are: no triggers, no key checks
            statement.execute("truncate " + String.join(", ", tables));
            CopyManager out = from.unwrap(PGConnection.class).getCopyAPI();
            CopyManager in = to.unwrap(PGConnection.class).getCopyAPI();
            for (String table : tables) {
                String columns = String.join(", ", storedColumns(to, table));
                ByteArrayOutputStream rows = new ByteArrayOutputStream();
                out.copyOut("copy (select " + columns + " from " + table + ") to stdout", rows);
                in.copyIn("copy " + table + " (" + columns + ") from stdin", new ByteArrayInputStream(rows.toByteArray()));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Changes the stand-in alone (triggers run as on any update, so the search vectors follow). */
    void execute(String sql, Object... params) {
        try (Connection connection = connect(); var statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    void stop() {
        server.close();
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(server.jdbcUrl(), server.username(), "");
    }

    private static List<String> tables(Connection connection) throws SQLException {
        return strings(connection, "select quote_ident(table_name) from information_schema.tables where table_schema = 'public'"
                + " and table_type = 'BASE TABLE' and table_name <> 'flyway_schema_history' order by table_name");
    }

    private static List<String> storedColumns(Connection connection, String table) throws SQLException {
        return strings(connection, "select quote_ident(column_name) from information_schema.columns where table_schema = 'public'"
                + " and quote_ident(table_name) = '" + table + "' and is_generated = 'NEVER' order by ordinal_position");
    }

    private static List<String> strings(Connection connection, String sql) throws SQLException {
        List<String> found = new ArrayList<>();
        try (Statement statement = connection.createStatement(); var rs = statement.executeQuery(sql)) {
            while (rs.next()) {
                found.add(rs.getString(1));
            }
        }
        return found;
    }
}
