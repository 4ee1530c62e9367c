import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Issue #19, for {@code PROFILE=1 bash bench/ceiling.sh}: sums up the desk's JFR recording of one 8-client level.
 *   java bench/Profile.java JFR_TOOL RECORDING TICKETS
 * Prints the execution samples by package of the top frame (where the CPU is spent) and by package anywhere on the stack
 * (what the time is spent under), and the bytes allocated per ticket (jdk.ThreadAllocationStatistics, at the recording's
 * start and end, summed over threads).
 */
public class Profile {

    static final Pattern FRAME = Pattern.compile("^\\s+([\\w$.]+)\\.[\\w$<>]+\\(.*");
    static final Pattern ALLOCATED = Pattern.compile("\"allocated\"\\s*:\\s*(\\d+)");
    static final Pattern THREAD = Pattern.compile("\"javaThreadId\"\\s*:\\s*(\\d+)");

    public static void main(String[] args) throws Exception {
        String jfr = args[0], recording = args[1];
        long tickets = Long.parseLong(args[2]);
        samples(run(jfr, "print", "--events", "jdk.ExecutionSample", "--stack-depth", "64", recording));
        allocation(run(jfr, "print", "--json", "--events", "jdk.ThreadAllocationStatistics", recording), tickets);
    }

    static void samples(List<String> lines) {
        Map<String, Integer> self = new HashMap<>(), under = new HashMap<>();
        int total = 0;
        boolean inStack = false, top = false;
        Set<String> seen = new HashSet<>();
        for (String line : lines) {
            if (line.contains("stackTrace = [")) {
                inStack = true;
                top = true;
                seen.clear();
                total++;
                continue;
            }
            if (inStack && line.trim().startsWith("]")) {
                inStack = false;
                continue;
            }
            Matcher m = FRAME.matcher(line);
            if (inStack && m.matches()) {
                String type = m.group(1);
                String pkg = type.contains(".") ? type.substring(0, type.lastIndexOf('.')) : type;
                if (top) {
                    self.merge(pkg, 1, Integer::sum);
                    top = false;
                }
                String[] parts = pkg.split("\\.");
                String area = String.join(".", java.util.Arrays.copyOf(parts, Math.min(3, parts.length)));
                if (seen.add(area)) {
                    under.merge(area, 1, Integer::sum);
                }
            }
        }
        System.out.println("execution samples: " + total);
        print("top frame by package (self)", self, total, 15);
        print("under package (first three parts, anywhere on the stack)", under, total, 15);
    }

    static void print(String title, Map<String, Integer> counts, int total, int limit) {
        System.out.println(title + ":");
        counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(limit)
                .forEach(e -> System.out.printf(Locale.ROOT, "  %5.1f%%  %s%n", 100.0 * e.getValue() / Math.max(1, total), e.getKey()));
    }

    static void allocation(List<String> lines, long tickets) {
        Map<String, long[]> byThread = new HashMap<>(); // first and last value seen
        Long allocated = null;
        for (String line : lines) {
            Matcher a = ALLOCATED.matcher(line);
            if (a.find()) {
                allocated = Long.parseLong(a.group(1));
                continue;
            }
            Matcher t = THREAD.matcher(line);
            if (t.find() && allocated != null) {
                long value = allocated;
                byThread.merge(t.group(1), new long[] {value, value}, (old, now) -> new long[] {Math.min(old[0], value), Math.max(old[1], value)});
                allocated = null;
            }
        }
        long bytes = byThread.values().stream().mapToLong(v -> v[1] - v[0]).sum();
        System.out.printf(Locale.ROOT, "allocated in the JVM over the level: %.1f MB, %.1f KB per ticket (%d threads)%n",
                bytes / 1e6, bytes / 1024.0 / Math.max(1, tickets), byThread.size());
    }

    static List<String> run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        List<String> lines = new ArrayList<>();
        try (var reader = new java.io.BufferedReader(new java.io.InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lines.add(line);
            }
        }
        process.waitFor();
        return lines;
    }
}
