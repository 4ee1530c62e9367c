package org.partnerdesk.console.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.partnerdesk.ApiTest;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import com.zaxxer.hikari.HikariDataSource;

/** UI-1 live updates, issue #19: a notice leaves after its transaction commits, never for one rolled back. */
class LiveChannelTest extends ApiTest {

    @Autowired
    LiveChannel channel;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    DataSource dataSource;

    @Test
    void aNoticeAskedForInATransactionLeavesWhenItCommitsAndNeverWhenItRollsBack() throws Exception {
        String marker = UUID.randomUUID().toString();
        try (Connection listening = listeningConnection()) {
            transaction.executeWithoutResult(status -> {
                channel.send("rolled back " + marker);
                status.setRollbackOnly();
            });
            transaction.executeWithoutResult(status -> channel.send("committed " + marker));
            channel.send("outside a transaction " + marker);

            assertThat(noticesWith(listening, marker, 2)).containsExactly("committed " + marker, "outside a transaction " + marker);
        }
    }

    @Test
    void aNoticeIsNotSentBeforeItsTransactionCommits() throws Exception {
        String marker = UUID.randomUUID().toString();
        try (Connection listening = listeningConnection()) {
            List<String> heardBeforeCommit = new ArrayList<>();
            transaction.executeWithoutResult(status -> {
                channel.send("saved " + marker);
                try {
                    heardBeforeCommit.addAll(noticesWith(listening, marker, 1));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });

            assertThat(heardBeforeCommit).isEmpty();
            assertThat(noticesWith(listening, marker, 1)).containsExactly("saved " + marker);
        }
    }

    private Connection listeningConnection() throws Exception {
        HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
        Properties properties = new Properties();
        properties.setProperty("user", pool.getUsername());
        if (pool.getPassword() != null) {
            properties.setProperty("password", pool.getPassword());
        }
        Connection connection = DriverManager.getConnection(pool.getJdbcUrl(), properties);
        try (Statement statement = connection.createStatement()) {
            statement.execute("LISTEN " + LiveChannel.NAME);
        }
        return connection;
    }

    /** The notices carrying {@code marker} heard within a second, or as soon as {@code expected} of them are. */
    private static List<String> noticesWith(Connection listening, String marker, int expected) throws Exception {
        List<String> heard = new ArrayList<>();
        long until = System.nanoTime() + 1_000_000_000L;
        while (heard.size() < expected && System.nanoTime() < until) {
            PGNotification[] notices = listening.unwrap(PGConnection.class).getNotifications(100);
            if (notices != null) {
                for (PGNotification notice : notices) {
                    if (notice.getParameter().endsWith(marker)) {
                        heard.add(notice.getParameter());
                    }
                }
            }
        }
        return heard;
    }
}
