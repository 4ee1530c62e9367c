package org.partnerdesk.jobs;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.partnerdesk.ApiClient.Reply;
import org.partnerdesk.ApiTest;
import org.partnerdesk.Desk;
import org.partnerdesk.jobs.web.BulkJobsTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A measurement, not a test (not run by {@code mvn verify}): create_many of 100 users and update_many of 100 tickets, ten
 * times each, on the test database (fsync off: bench/bulk.sh measures a real desk). Prints each job's work (its start to
 * its finish, as the job status table records them) and its time from request to completed.
 * {@code mvn test -Dtest=BulkThroughputProbe}.
 */
class BulkThroughputProbe extends ApiTest {

    @Autowired
    JdbcClient db;

    @Test
    void createAHundredUsersAndUpdateAHundredTickets() {
        String run = Desk.unique("probe");
        for (int round = 0; round < 12; round++) {
            StringBuilder users = new StringBuilder("{\"users\":[");
            for (int i = 0; i < 100; i++) {
                users.append(i == 0 ? "" : ",").append("{\"name\":\"P").append(i).append("\",\"email\":\"").append(run).append('-')
                        .append(round).append('-').append(i).append("@probe.test\",\"external_id\":\"").append(run).append('-')
                        .append(round).append('-').append(i).append("\"}");
            }
            measure("create_many 100 users", "POST", "/api/v2/users/create_many", users.append("]}").toString());
        }
        List<Long> tickets = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            tickets.add(desk.admin.post("/api/v2/tickets", """
                    {"ticket":{"subject":"Probe","comment":{"body":"b"},"ticket_form_id":%d}}""".formatted(Desk.SUPPORT_FORM)).id("ticket"));
        }
        for (int round = 0; round < 12; round++) {
            StringBuilder body = new StringBuilder("{\"tickets\":[");
            for (int i = 0; i < tickets.size(); i++) {
                body.append(i == 0 ? "" : ",").append("{\"id\":").append(tickets.get(i)).append(",\"status\":\"")
                        .append(round % 2 == 0 ? "pending" : "open").append("\",\"tags\":[\"r").append(round).append("\"]}");
            }
            measure("update_many 100 tickets", "PUT", "/api/v2/tickets/update_many", body.append("]}").toString());
        }
    }

    private void measure(String what, String method, String path, String body) {
        long start = System.nanoTime();
        Reply queued = desk.admin.send(method, path, body);
        var job = BulkJobsTest.awaitCompleted(desk.admin, queued);
        long total = System.nanoTime() - start;
        double work = db.sql("select extract(epoch from finished_at - started_at) * 1000 from job_statuses where id = ?")
                .param(job.get("id").stringValue()).query(Double.class).single();
        System.out.printf("PROBE %s: work %.1f ms, request to completed %.1f ms, failed %d%n", what, work, total / 1e6,
                job.get("results").valueStream().filter(r -> !r.get("success").booleanValue()).count());
    }
}
