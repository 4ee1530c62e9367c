package org.partnerdesk.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.partnerdesk.ApiClient.Reply;
import org.partnerdesk.ApiTest;

/**
 * Issue #18: docs/operations.md "What the actuator endpoints tell you" is what an operator wires monitoring to; every path
 * its table names answers a stranger with the status it gives, and every metric it names is in an admin's scrape.
 */
class OperationsGuideTest extends ApiTest {

    private static final Path GUIDE = Path.of("docs/operations.md");
    private static final String SECTION = "## What the actuator endpoints tell you";
    // | `/actuator/health` | 200/503 | … : the path and the status a caller without a credential gets
    private static final Pattern ENDPOINT_ROW = Pattern.compile("^\\| `(/actuator[^`]*)`.*?\\| (\\d{3})[^|]*\\|");
    // | `hikaricp_connections_active`, `_idle` … | : the first name of each row of the metrics table
    private static final Pattern METRIC_ROW = Pattern.compile("^\\| `([a-z][a-z0-9_]+)`");

    @Test
    void everyActuatorPathOfTheGuideAnswersAStrangerAsItsTableSays() throws IOException {
        List<String> rows = section();
        int checked = 0;
        for (String row : rows) {
            Matcher endpoint = ENDPOINT_ROW.matcher(row);
            if (endpoint.find()) {
                Reply reply = desk.anonymous().get(endpoint.group(1));

                assertThat(reply.status()).as(endpoint.group(1) + ": " + reply).isEqualTo(Integer.parseInt(endpoint.group(2)));
                checked++;
            }
        }
        assertThat(checked).as("endpoint rows found in " + SECTION).isGreaterThanOrEqualTo(8);
    }

    @Test
    void everyMetricTheGuideNamesIsInAnAdminsScrape() throws IOException {
        desk.admin.get("/api/v2/users/me"); // one request, so the request metrics exist
        String scrape = desk.admin.withHeader("Accept", "text/plain").get("/actuator/prometheus").text();
        List<String> metrics = new ArrayList<>();
        for (String row : section()) {
            Matcher metric = METRIC_ROW.matcher(row);
            if (metric.find()) {
                metrics.add(metric.group(1));
            }
        }

        assertThat(metrics).as("metric rows found in " + SECTION).hasSizeGreaterThanOrEqualTo(8);
        for (String metric : metrics) {
            assertThat(scrape).as(metric).containsPattern("(?m)^" + metric + "[_{ ]");
        }
    }

    private static List<String> section() throws IOException {
        List<String> lines = Files.readAllLines(GUIDE);
        int start = lines.indexOf(SECTION);
        assertThat(start).as(SECTION + " in " + GUIDE).isNotNegative();
        List<String> section = new ArrayList<>();
        for (String line : lines.subList(start + 1, lines.size())) {
            if (line.startsWith("## ")) {
                break;
            }
            section.add(line);
        }
        return section;
    }
}
