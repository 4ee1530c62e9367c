package org.partnerdesk.database;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Issue #14 budgets (at most 15 SQL statements per page): the pool, with every statement a request executes counted
 * for {@link RequestCost}. Only in the context when {@code partnerdesk.bench.query-count} is on; otherwise the pool is
 * used as it is and nothing is counted.
 */
final class CountingDataSource extends DelegatingDataSource implements AutoCloseable {

    private static final Set<String> EXECUTIONS = Set.of("execute", "executeQuery", "executeUpdate", "executeLargeUpdate",
            "executeBatch", "executeLargeBatch");
    private static final Set<String> STATEMENTS = Set.of("createStatement", "prepareStatement", "prepareCall");

    private final boolean labelled;

    /**
     * Issue #19: {@code labelled} prefixes each statement's text with a comment naming the thread that runs it
     * ({@code pd:http-nio-8080-exec-1}), so bench/ceiling.sh can tell in the server's statement log what a request ran from
     * what the outbox ran after its commit and what the scheduler ran meanwhile.
     */
    CountingDataSource(DataSource pool, boolean labelled) {
        super(pool);
        this.labelled = labelled;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return counted(super.getConnection(), labelled);
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return counted(super.getConnection(username, password), labelled);
    }

    /** The pool closes with the context, as it would without this wrapper. */
    @Override
    public void close() throws Exception {
        if (obtainTargetDataSource() instanceof AutoCloseable pool) {
            pool.close();
        }
    }

    private static Connection counted(Connection connection, boolean labelled) {
        return proxy(Connection.class, connection, labelled ? STATEMENTS : Set.of(), (method, result) ->
                STATEMENTS.contains(method.getName()) ? statement(method.getName(), result, labelled) : result);
    }

    private static Object statement(String created, Object statement, boolean labelled) {
        Class<?> type = switch (created) {
            case "prepareStatement" -> PreparedStatement.class;
            case "prepareCall" -> CallableStatement.class;
            default -> Statement.class;
        };
        return proxy(type, statement, labelled ? LABELLED_EXECUTIONS : Set.of(), (method, result) -> {
            if (EXECUTIONS.contains(method.getName())) {
                RequestCost.statementExecuted();
            }
            return result;
        });
    }

    private static final Set<String> LABELLED_EXECUTIONS = Set.of("execute", "executeQuery", "executeUpdate",
            "executeLargeUpdate", "addBatch");

    private static String label(String sql) {
        return "/* pd:" + Thread.currentThread().getName().replace("*/", "") + " */ " + sql;
    }

    private interface After {
        Object apply(Method method, Object result);
    }

    /** {@code labelling} names the methods whose first argument, an SQL text, gets the thread's label. */
    private static <T> T proxy(Class<T> type, Object target, Set<String> labelling, After after) {
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.getName().equals("unwrap") && args != null && args[0] instanceof Class<?> wanted && wanted.isInstance(target)) {
                return target;
            }
            if (args != null && args.length > 0 && args[0] instanceof String sql && labelling.contains(method.getName())) {
                args[0] = label(sql);
            }
            try {
                Object result = method.invoke(target, args);
                return result == null ? null : after.apply(method, result);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return type.cast(Proxy.newProxyInstance(CountingDataSource.class.getClassLoader(), new Class<?>[] {type}, handler));
    }
}
