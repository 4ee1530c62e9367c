package org.partnerdesk.ticket.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.partnerdesk.ticket.QueuedTicket;
import org.partnerdesk.ticket.TicketQueue;
import org.partnerdesk.ticket.TicketStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * TKT-5 agent queues as keyset pages: the filters are fixed SQL fragments, the values bound parameters only.
 * Sorting by SLA due time pages on (due, id), nulls last, so no ticket is skipped or repeated between pages.
 */
@Repository
public class StoredQueues {

    /** Where the previous SLA-ordered page ended; {@code due} is null once the page reached tickets without a clock. */
    public record After(@Nullable Instant due, long id) {
    }

    // Reads the sla module's ticket_slas in SQL only (no Java dependency): one query gives the queue its order and page.
    private static final String FROM = """
            select %s, due.sla_due_at from tickets
            left join lateral (select min(s.breach_at) as sla_due_at from ticket_slas s
                               where s.ticket_id = tickets.id and s.stage = 'active') due on true
             where true
            """.formatted(StoredTickets.COLUMNS);

    // SLA order walks the active clocks in due order (index ticket_slas_breach_scan; a ticket has at most one running
    // clock), then the tickets without one by id: sorting every open ticket by a joined minimum took 2.2 s at 1M tickets.
    // A clock carries its ticket's group, assignee, organization (V29) and flags (V60), so those filters read only
    // matching clocks.
    private static final String CLOCKED = """
            select %s, sla_due_at from (select t.*, s.breach_at as sla_due_at, s.group_id as clock_group_id,
                                               s.assignee_id as clock_assignee_id, s.organization_id as clock_organization_id,
                                               s.flags as clock_flags
                                          from ticket_slas s join tickets t on t.id = s.ticket_id
                                         where s.stage = 'active') tickets
             where true
            """.formatted(StoredTickets.COLUMNS);
    private static final String UNCLOCKED = """
            select %s, cast(null as timestamptz) as sla_due_at from tickets
             where not exists (select 1 from ticket_slas s where s.ticket_id = tickets.id and s.stage = 'active')
            """.formatted(StoredTickets.COLUMNS);

    private final JdbcClient db;
    private final StoredTickets tickets;

    StoredQueues(JdbcClient db, StoredTickets tickets) {
        this.db = db;
        this.tickets = tickets;
    }

    public List<QueuedTicket> byId(TicketQueue queue, long afterId, int limit) {
        Filters where = filters(queue, false);
        where.add("id > :after_id", "after_id", afterId);
        return query(FROM, where, "id", limit);
    }

    public List<QueuedTicket> bySlaDue(TicketQueue queue, @Nullable After after, int limit) {
        List<QueuedTicket> page = new ArrayList<>();
        if (after == null || after.due() != null) {
            Filters where = filters(queue, true);
            if (after != null) {
                where.add("sla_due_at >= :after_due and (sla_due_at > :after_due or id > :after_id)",
                        "after_due", OffsetDateTime.ofInstant(after.due(), ZoneOffset.UTC));
                where.params.put("after_id", after.id());
            }
            page.addAll(query(CLOCKED, where, "sla_due_at, id", limit));
        }
        if (page.size() < limit) {
            Filters where = filters(queue, false);
            where.add("id > :after_id", "after_id", after != null && after.due() == null ? after.id() : 0L);
            page.addAll(query(UNCLOCKED, where, "id", limit - page.size()));
        }
        return page;
    }

    private List<QueuedTicket> query(String from, Filters where, String orderBy, int limit) {
        // every base query ends in a where clause, so the filters always join with "and"
        String sql = from + (where.conditions.isEmpty() ? "" : " and " + String.join(" and ", where.conditions))
                + " order by " + orderBy + " limit :limit";
        var statement = db.sql(sql).param("limit", limit);
        for (Map.Entry<String, Object> param : where.params.entrySet()) {
            statement = statement.param(param.getKey(), param.getValue());
        }
        return statement.query(this::map).list();
    }

    /** On {@code clocked} queries group, assignee, organization and flags are the clock's copies (V29, V60), which an index serves. */
    private static Filters filters(TicketQueue queue, boolean clocked) {
        Filters where = new Filters();
        if (!queue.statuses().isEmpty()) {
            where.add("status = any(:statuses)", "statuses", queue.statuses().stream().map(TicketStatus::code).toArray(String[]::new));
        }
        if (queue.groupId() != null) {
            where.add(equal("group_id", clocked), "group_id", queue.groupId());
        }
        if (queue.unassigned()) {
            where.conditions.add(clocked ? "clock_assignee_id is null" : "assignee_id is null");
        } else if (queue.assigneeId() != null) {
            where.add(equal("assignee_id", clocked), "assignee_id", queue.assigneeId());
        }
        if (queue.organizationId() != null) {
            where.add(equal("organization_id", clocked), "organization_id", queue.organizationId());
        }
        if (queue.partnerId() != null) {
            // the partner is the submitter's organization when it is a partner (ENT-1..6), as search's partner: term
            where.add("submitter_id in (select m.user_id from organization_memberships m join organizations o on o.id = m.organization_id"
                    + " where o.org_type = 'partner' and o.id = :partner_id)", "partner_id", queue.partnerId());
        }
        if (queue.flag() != null) {
            where.add((clocked ? "clock_" : "") + "flags @> array[cast(:flag as text)]", "flag", queue.flag().code());
        }
        return where;
    }

    // the clock's copy alone: testing the ticket's column too makes the planner count the filter twice and skip the index
    private static String equal(String column, boolean clocked) {
        return (clocked ? "clock_" : "") + column + " = :" + column;
    }

    private QueuedTicket map(ResultSet rs, int row) throws SQLException {
        Timestamp due = rs.getTimestamp("sla_due_at");
        return new QueuedTicket(tickets.map(rs, row), due == null ? null : due.toInstant());
    }

    private static final class Filters {
        final List<String> conditions = new ArrayList<>();
        final Map<String, Object> params = new LinkedHashMap<>();

        void add(String condition, String name, Object value) {
            conditions.add(condition);
            params.put(name, value);
        }
    }
}
