package org.partnerdesk.ticket.web;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.partnerdesk.api.Actor;
import org.partnerdesk.api.ApiException;
import org.partnerdesk.api.JsonBody;
import org.partnerdesk.jobs.BulkWrite;
import org.partnerdesk.jobs.JobStatusBody;
import org.partnerdesk.jobs.JobStatuses;
import org.partnerdesk.ticket.Tickets;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Issue #17 item 3: {@code PUT /api/v2/tickets/update_many}, one change for {@code ?ids=1,2} ({@code {"ticket":{…}}}) or a
 * change per ticket ({@code {"tickets":[{"id":…,…}]}}), run as a job. Agents and admins; each ticket is changed as a single
 * PUT changes it ({@link Tickets#update}), so every TKT rule applies per ticket and a refused one is reported in its result.
 */
@RestController
class TicketBulkController {

    static final String JOB_TYPE = "update_many_tickets";

    private final JobStatuses jobs;

    TicketBulkController(JobStatuses jobs) {
        this.jobs = jobs;
    }

    @PutMapping("/api/v2/tickets/update_many")
    JobStatusBody updateMany(Actor actor, @RequestParam(name = "ids", required = false) @Nullable String ids,
                             @RequestBody JsonNode body) {
        actor.requireStaff();
        return JobStatusBody.of(jobs.start(actor, JOB_TYPE, ids == null ? perTicket(body) : oneChange(ids, body)));
    }

    // {"ticket":{…}} for every id named: each record is the change with the ticket's id
    private static List<JsonNode> oneChange(String ids, JsonNode body) {
        JsonBody.root(body, "ticket");
        if (body.get("tickets") != null) {
            throw ApiException.badRequest("InvalidRequest", "Send either ?ids= with a \"ticket\" object, or a \"tickets\" list, not both.");
        }
        List<JsonNode> records = new ArrayList<>();
        for (String part : ids.split(",")) {
            long id = parseId(part);
            records.add(((ObjectNode) body.get("ticket").deepCopy()).put("id", id));
        }
        if (records.size() > JobStatuses.MAX_RECORDS) {
            throw ApiException.badRequest("InvalidParameter", "update_many takes at most " + JobStatuses.MAX_RECORDS + " ids");
        }
        return records;
    }

    private static List<JsonNode> perTicket(JsonNode body) {
        List<JsonNode> records = JobStatuses.recordsOf(body, "tickets");
        for (JsonNode record : records) {
            JsonNode id = record.get("id");
            if (id == null || !JsonBody.isWholeLong(id) || id.longValue() <= 0) {
                throw ApiException.badRequest("InvalidRequest", "Each of \"tickets\" must name the ticket to change by its \"id\".");
            }
        }
        return records;
    }

    private static long parseId(String part) {
        try {
            long id = Long.parseLong(part.strip());
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ApiException.badRequest("InvalidParameter", "ids must be a comma-separated list of ticket ids");
    }

    /** Each record of an update_many job: read as a single PUT's body, changed through {@link Tickets#update}. */
    @Configuration(proxyBeanMethods = false)
    static class Records {

        @Bean
        BulkWrite updateManyTickets(Tickets tickets, TicketController single) {
            return BulkWrite.of(JOB_TYPE, (actor, record) -> {
                long id = record.get("id").longValue();
                JsonBody ticket = JsonBody.root(JsonNodeFactory.instance.objectNode().set("ticket", record), "ticket");
                tickets.update(actor, id, single.changeOf(ticket));
                return new BulkWrite.Written(id, false);
            });
        }
    }
}
