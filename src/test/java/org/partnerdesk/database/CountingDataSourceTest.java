package org.partnerdesk.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

/** Issue #19: bench/ceiling.sh tells a request's statements from the outbox's and the scheduler's by the thread labels. */
class CountingDataSourceTest {

    private final List<String> sent = new ArrayList<>();

    @Test
    void withLabelsEachStatementNamesTheThreadThatRunsIt() throws Exception {
        try (Connection connection = new CountingDataSource(pool(), true).getConnection()) {
            connection.prepareStatement("select 1");
            connection.createStatement().execute("select 2");
        }

        String label = "/* pd:" + Thread.currentThread().getName() + " */ ";
        assertThat(sent).containsExactly(label + "select 1", label + "select 2");
    }

    @Test
    void withoutLabelsTheStatementsGoAsWritten() throws Exception {
        try (Connection connection = new CountingDataSource(pool(), false).getConnection()) {
            connection.prepareStatement("select 1");
            connection.createStatement().execute("select 2");
        }

        assertThat(sent).containsExactly("select 1", "select 2");
    }

    /** A pool whose statements only note the SQL they are given. */
    private DataSource pool() {
        Connection connection = stub(Connection.class, (method, args) -> switch (method) {
            case "prepareStatement" -> {
                sent.add((String) args[0]);
                yield stub(PreparedStatement.class, (m, a) -> null);
            }
            case "createStatement" -> stub(Statement.class, (m, a) -> {
                if (m.equals("execute")) {
                    sent.add((String) a[0]);
                    return false;
                }
                return null;
            });
            default -> null;
        });
        return stub(DataSource.class, (method, args) -> method.equals("getConnection") ? connection : null);
    }

    private interface Answer {
        Object apply(String method, Object[] args);
    }

    private static <T> T stub(Class<T> type, Answer answer) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> answer.apply(method.getName(), args)));
    }
}
