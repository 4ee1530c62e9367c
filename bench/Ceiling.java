import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Issue #19, for bench/ceiling.sh: turns the server's statement log of captured intakes into pgbench scripts, and sums
 * pgbench's per-transaction logs into rates and percentiles.
 *
 *   java bench/Ceiling.java script PG_LOG CAPTURE OUT_DIR AFTER_COMMIT_PREFIX
 *   java bench/Ceiling.java latency LOG_FILE...
 *
 * The log holds one entry per statement ({@code log_statement=all}, prefix {@code %m [%p] %v }), each statement's text
 * starts with the label of the desk thread that ran it ({@code partnerdesk.bench.sql-labels}): a Tomcat worker
 * ({@code http-}) ran it within the request, a thread of the task executor (AFTER_COMMIT_PREFIX) after its commit, any
 * other thread (scheduler, presence cleanup) is background and left out. BEGIN and COMMIT carry no label: they belong to
 * the labelled statements of their transaction (same backend, same virtual transaction id). CAPTURE is what
 * {@code TicketLoad capture} printed: one line per intake with its kind and when it was sent.
 */
public class Ceiling {

    static final Pattern ENTRY = Pattern.compile("^(\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3}) \\S+ \\[(\\d+)\\] (\\S+) (LOG|DETAIL):  (.*)$");
    static final Pattern STATEMENT = Pattern.compile("^(?:statement|execute [^:]+): (.*)$", Pattern.DOTALL);
    static final Pattern LABEL = Pattern.compile("^/\\* pd:(.*?) \\*/ (.*)$", Pattern.DOTALL);
    /** A value the desk draws per intake: a UUID or a token of 32 hex digits. */
    static final Pattern DRAWN = Pattern.compile("(?<![0-9a-f-])(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[0-9a-f]{32})(?![0-9a-f-])");
    /** The new ticket's id, as the desk has it back from its insert. */
    static final String NEW_TICKET = "currval(pg_get_serial_sequence('tickets', 'id'))";
    static final Pattern PLACEHOLDER = Pattern.compile("\\$(\\d+)");

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "script" -> script(Path.of(args[1]), Path.of(args[2]), Path.of(args[3]), args[4]);
            case "latency" -> latency(args);
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

    enum Phase { REQUEST, AFTER_COMMIT, BACKGROUND }

    static final class Statement {
        final long at;
        final String backend;
        final String transaction;
        String sql;
        String thread;
        List<String> parameters = List.of();

        Statement(long at, String backend, String transaction, String sql) {
            this.at = at;
            this.backend = backend;
            this.transaction = transaction;
            this.sql = sql;
        }

        boolean isBoundary() {
            String s = sql.strip().toUpperCase(Locale.ROOT);
            return s.equals("BEGIN") || s.startsWith("BEGIN ") || s.equals("COMMIT") || s.equals("ROLLBACK");
        }

        boolean isBegin() {
            return sql.strip().toUpperCase(Locale.ROOT).startsWith("BEGIN");
        }
    }

    record Intake(int kind, long sent, long answered, long requestBytes, long responseBytes, String ticketId) {}

    static void script(Path pgLog, Path capture, Path out, String afterCommitPrefix) throws IOException {
        List<Statement> statements = read(pgLog);
        // a transaction's boundaries take the label of its statements
        Map<String, String> threadOfTransaction = new LinkedHashMap<>();
        for (Statement s : statements) {
            if (s.thread != null) {
                threadOfTransaction.putIfAbsent(s.backend + " " + s.transaction, s.thread);
            }
        }
        for (Statement s : statements) {
            if (s.thread == null && s.isBoundary()) {
                s.thread = threadOfTransaction.get(s.backend + " " + s.transaction);
            }
        }
        List<Intake> intakes = new ArrayList<>();
        for (String line : Files.readAllLines(capture)) {
            String[] p = line.split(" ");
            if (p[0].equals("intake")) {
                intakes.add(new Intake(Integer.parseInt(p[1]), Long.parseLong(p[2]), Long.parseLong(p[3]), Long.parseLong(p[5]),
                        Long.parseLong(p[6]), p[7]));
            }
        }
        Files.createDirectories(out);
        StringBuilder summary = new StringBuilder();
        StringBuilder variables = new StringBuilder();
        int background = 0;
        int index = 0;
        for (Intake intake : intakes) {
            long until = index + 1 < intakes.size() ? intakes.get(index + 1).sent() : Long.MAX_VALUE;
            List<Statement> request = new ArrayList<>(), afterCommit = new ArrayList<>();
            for (Statement s : statements) {
                if (s.at < intake.sent() || s.at >= until || s.sql.isBlank()) {
                    continue; // a blank statement is the pool's check of a connection idle for more than 0.5 s: not under load
                }
                switch (phase(s, afterCommitPrefix)) {
                    case REQUEST -> request.add(s);
                    case AFTER_COMMIT -> afterCommit.add(s);
                    case BACKGROUND -> background++;
                }
            }
            String name = "intake-" + index;
            Script script = new Script(name, intake.ticketId());
            script.add(request);
            script.add(afterCommit);
            Files.writeString(out.resolve(name + ".sql"), script.text, StandardCharsets.UTF_8);
            variables.append(script.variables);
            summary.append(String.format(Locale.ROOT, "intake %d kind %d statements %d %d round-trips %d %d transactions %d %d json %d %d%n",
                    index, intake.kind(), count(request), count(afterCommit), roundTrips(request), roundTrips(afterCommit),
                    transactions(request), transactions(afterCommit), intake.requestBytes(), intake.responseBytes()));
            Files.writeString(out.resolve(name + ".txt"), listing(request, afterCommit), StandardCharsets.UTF_8);
            index++;
        }
        summary.append("background ").append(background).append('\n');
        Files.writeString(out.resolve("summary.txt"), summary.toString());
        Files.writeString(out.resolve("variables"), variables.toString(), StandardCharsets.UTF_8);
    }

    static Phase phase(Statement s, String afterCommitPrefix) {
        if (s.thread == null) {
            return Phase.BACKGROUND;
        }
        if (s.thread.startsWith("http-")) {
            return Phase.REQUEST;
        }
        return s.thread.startsWith(afterCommitPrefix) ? Phase.AFTER_COMMIT : Phase.BACKGROUND;
    }

    /** Statements the desk sent, BEGIN and COMMIT included (pgjdbc sends BEGIN with the transaction's first statement). */
    static long count(List<Statement> statements) {
        return statements.size();
    }

    /** pgjdbc sends BEGIN in the same message as the statement after it: one round trip less per transaction. */
    static long roundTrips(List<Statement> statements) {
        return statements.size() - statements.stream().filter(Statement::isBegin).count();
    }

    static long transactions(List<Statement> statements) {
        return statements.stream().filter(Statement::isBegin).count()
                + statements.stream().filter(s -> !s.isBoundary()).filter(s -> !inTransaction(s, statements)).count();
    }

    static boolean inTransaction(Statement s, List<Statement> statements) {
        return statements.stream().anyMatch(o -> o != s && o.isBegin() && o.backend.equals(s.backend) && o.transaction.equals(s.transaction));
    }

    static String listing(List<Statement> request, List<Statement> afterCommit) {
        StringBuilder b = new StringBuilder("-- in the request\n");
        request.forEach(s -> b.append(oneLine(s.sql)).append('\n'));
        b.append("-- after commit\n");
        afterCommit.forEach(s -> b.append(oneLine(s.sql)).append('\n'));
        return b.toString();
    }

    static String oneLine(String sql) {
        return sql.replaceAll("\\s+", " ").strip();
    }

    /**
     * One pgbench script: each statement as the desk sent it, its bound values as pgbench variables (so {@code -M prepared}
     * binds them as the desk's driver does), a UUID drawn anew per transaction (event publications are keyed by one), a
     * NULL written as NULL (a pgbench variable cannot be null). A transaction's BEGIN goes in one pipeline with its first
     * statement, as pgjdbc sends them together.
     */
    static final class Script {
        final String name;
        final String ticketId;
        final StringBuilder text = new StringBuilder();
        final StringBuilder variables = new StringBuilder();
        final Map<String, String> uuids = new LinkedHashMap<>();
        int statement;
        boolean pendingBegin;

        Script(String name, String ticketId) {
            this.name = name;
            this.ticketId = ticketId;
        }

        void add(List<Statement> statements) {
            for (Statement s : statements) {
                if (s.isBegin()) {
                    pendingBegin = true;
                    text.append("\\startpipeline\n").append(s.sql.strip()).append(";\n");
                    continue;
                }
                statement++;
                text.append(withVariables(s)).append(";\n");
                if (pendingBegin) {
                    text.append("\\endpipeline\n");
                    pendingBegin = false;
                }
            }
            if (pendingBegin) {
                text.append("\\endpipeline\n");
                pendingBegin = false;
            }
        }

        String withVariables(Statement s) {
            String sql = oneLineKeepingStrings(s.sql);
            Matcher m = PLACEHOLDER.matcher(sql);
            StringBuilder b = new StringBuilder();
            while (m.find()) {
                int n = Integer.parseInt(m.group(1));
                String value = n <= s.parameters.size() ? s.parameters.get(n - 1) : null;
                String replacement;
                if (value == null) {
                    replacement = "NULL"; // a pgbench variable cannot be null
                } else if (value.equals(ticketId)) {
                    replacement = NEW_TICKET;
                } else if (DRAWN.matcher(value).matches()) {
                    replacement = drawn(value, true);
                } else {
                    replacement = template(n, value);
                }
                m.appendReplacement(b, Matcher.quoteReplacement(replacement));
            }
            m.appendTail(b);
            return b.toString();
        }

        /**
         * A value with the new ticket's id or a drawn token in it ({@code <partnerdesk.ticket-452.3c47…@…>}): its fixed
         * parts as variables, joined in SQL with the id and tokens of this replayed intake; any other value, one variable.
         */
        String template(int n, String value) {
            Matcher parts = Pattern.compile(DRAWN.pattern() + "|(?<![0-9])" + Pattern.quote(ticketId) + "(?![0-9])").matcher(value);
            List<String> pieces = new ArrayList<>();
            int at = 0, part = 0;
            while (parts.find()) {
                if (parts.start() > at) {
                    pieces.add(variable(n, "p" + part++, value.substring(at, parts.start())));
                }
                pieces.add(parts.group().equals(ticketId) ? "cast(" + NEW_TICKET + " as text)" : drawn(parts.group(), false));
                at = parts.end();
            }
            if (pieces.isEmpty()) {
                return variable(n, "", value);
            }
            if (at < value.length()) {
                pieces.add(variable(n, "p" + part, value.substring(at)));
            }
            return "(" + String.join(" || ", pieces) + ")";
        }

        /** A UUID or a 32-digit hex token the desk draws, drawn anew in each replayed intake (the same one within it). */
        String drawn(String token, boolean alone) {
            String hex = "lpad(to_hex(:" + uuidVariable(token) + "::bigint), 32, '0')";
            if (token.contains("-")) {
                return alone ? "cast(" + hex + " as uuid)" : "cast(cast(" + hex + " as uuid) as text)";
            }
            return hex;
        }

        String uuidVariable(String uuid) {
            return uuids.computeIfAbsent(uuid, v -> {
                String variable = "u" + uuids.size();
                text.insert(0, "\\set " + variable + " random(1, 9223372036854775807)\n");
                return variable;
            });
        }

        /** A bound value as a pgbench variable given with -D: the same text, bound as the desk binds it. */
        String variable(int n, String part, String value) {
            String variable = name.replace("-", "_") + "_" + statement + "_" + n + part;
            variables.append(variable).append('=').append(value).append('\0');
            return ":" + variable;
        }
    }

    /** pgbench reads a statement up to its semicolon; newlines outside string literals become spaces. */
    static String oneLineKeepingStrings(String sql) {
        StringBuilder b = new StringBuilder();
        boolean quoted = false;
        for (char c : sql.strip().toCharArray()) {
            if (c == '\'') {
                quoted = !quoted;
            }
            b.append(!quoted && (c == '\n' || c == '\r' || c == '\t') ? ' ' : c);
        }
        return b.toString();
    }

    static List<Statement> read(Path pgLog) throws IOException {
        List<Statement> statements = new ArrayList<>();
        List<String> lines = Files.readAllLines(pgLog, StandardCharsets.UTF_8);
        java.text.SimpleDateFormat format = new java.text.SimpleDateFormat("yyyy-MM-dd HH:mm:ss.SSS", Locale.ROOT);
        format.setTimeZone(java.util.TimeZone.getTimeZone("UTC"));
        Statement last = null;
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = ENTRY.matcher(lines.get(i));
            if (!m.matches()) {
                continue;
            }
            StringBuilder message = new StringBuilder(m.group(5));
            while (i + 1 < lines.size() && lines.get(i + 1).startsWith("\t")) {
                message.append('\n').append(lines.get(++i).substring(1));
            }
            if (m.group(4).equals("DETAIL")) {
                if (last != null && message.toString().startsWith("Parameters: ")) {
                    last.parameters = parameters(message.substring("Parameters: ".length()));
                }
                continue;
            }
            Matcher statement = STATEMENT.matcher(message);
            if (!statement.matches()) {
                last = null;
                continue;
            }
            long at;
            try {
                at = format.parse(m.group(1)).getTime();
            } catch (java.text.ParseException e) {
                throw new IOException(e);
            }
            Statement s = new Statement(at, m.group(2), m.group(3), statement.group(1));
            Matcher label = LABEL.matcher(s.sql);
            if (label.matches()) {
                s.thread = label.group(1);
                s.sql = label.group(2);
            }
            statements.add(s);
            last = s;
        }
        return statements;
    }

    /** {@code $1 = 'a''b', $2 = NULL}: the values in order, null for NULL. */
    static List<String> parameters(String detail) {
        List<String> values = new ArrayList<>();
        int i = 0;
        while (i < detail.length()) {
            int equals = detail.indexOf(" = ", i);
            if (equals < 0) {
                break;
            }
            i = equals + 3;
            if (detail.startsWith("NULL", i)) {
                values.add(null);
                i += 4;
            } else {
                StringBuilder v = new StringBuilder();
                i++; // opening quote
                while (i < detail.length()) {
                    char c = detail.charAt(i);
                    if (c == '\'' && i + 1 < detail.length() && detail.charAt(i + 1) == '\'') {
                        v.append('\'');
                        i += 2;
                    } else if (c == '\'') {
                        i++;
                        break;
                    } else {
                        v.append(c);
                        i++;
                    }
                }
                values.add(v.toString());
            }
            i = detail.indexOf("$", i) < 0 ? detail.length() : detail.indexOf("$", i);
        }
        return values;
    }

    /** pgbench's --log lines: client, transaction, latency in µs, script, epoch s, µs. Prints p50 and p99 in ms. */
    static void latency(String[] files) throws IOException {
        List<Long> latencies = new ArrayList<>();
        for (int f = 1; f < files.length; f++) {
            for (String line : Files.readAllLines(Path.of(files[f]))) {
                String[] p = line.split(" ");
                if (p.length > 2) {
                    latencies.add(Long.parseLong(p[2]));
                }
            }
        }
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf(Locale.ROOT, "%.2f %.2f%n", percentile(sorted, 50), percentile(sorted, 99));
    }

    static double percentile(long[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        int i = Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1);
        return sorted[Math.max(0, i)] / 1000.0;
    }
}
