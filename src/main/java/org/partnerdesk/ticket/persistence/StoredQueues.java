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
import org.partnerdesk.ticket.TicketQueues;
import org.partnerdesk.ticket.TicketStatus;
import org.partnerdesk.database.LagTolerantReads;
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

    // TKT-7: whether an open STAR request stands on the ticket (one per ticket at most, V24), read in SQL like the clocks
    private static final String STARRED = "exists (select 1 from star_requests r where r.ticket_id = tickets.id and r.status = 'starred')";

    // A reply clock runs until the reply: active, or breached and still unanswered (the breach scan moves a clock past
    // due from active to breached, and a queue that read only active clocks listed the most urgent tickets last, undated).
    private static final String RUNNING = "s.achieved_at is null and s.stage in ('active', 'breached')";

    // Reads the sla module's ticket_slas in SQL only (no Java dependency): one query gives the queue its order and page.
    private static final String FROM = """
            select %s, due.sla_due_at, %s as starred from tickets
            left join lateral (select min(s.breach_at) as sla_due_at from ticket_slas s
                               where s.ticket_id = tickets.id and %s) due on true
             where %s
            """.formatted(StoredTickets.COLUMNS, STARRED, RUNNING, TicketVisibility.NOT_DELETED);

    // SLA order walks the running clocks in due order (V80's indexes over active and breached clocks alike), then the
    // tickets without one by id: sorting every open ticket by a joined minimum took 2.2 s at 1M tickets, and reading active
    // and breached clocks apart walked every breached clock for a rare filter (877 ms, docs/benchmarks.md). A clock
    // carries its ticket's group, assignee, organization (V29) and flags (V60), so those filters read only matching clocks.
    private static final String CLOCKED = """
            select %s, sla_due_at, %s as starred from (
                select t.*, s.breach_at as sla_due_at, s.group_id as clock_group_id, s.assignee_id as clock_assignee_id,
                       s.organization_id as clock_organization_id, s.flags as clock_flags
                  from ticket_slas s join tickets t on t.id = s.ticket_id
                 where %s and t.%s) tickets
             where true
            """.formatted(StoredTickets.COLUMNS, STARRED, RUNNING, TicketVisibility.NOT_DELETED);
    private static final String UNCLOCKED = """
            select %s, cast(null as timestamptz) as sla_due_at, %s as starred from tickets
             where not exists (select 1 from ticket_slas s where s.ticket_id = tickets.id and %s) and %s
            """.formatted(StoredTickets.COLUMNS, STARRED, RUNNING, TicketVisibility.NOT_DELETED);

    // TKT-5 the console's view counts in one statement, each counted up to one past MOST_COUNTED along its own index (V79) so a page
    // never counts 432k unsolved tickets (300-800 ms at 1M tickets, docs/benchmarks.md). A running reply clock (active, or
    // breached and unanswered) belongs to an unsolved ticket (solved and closed achieve it, TKT-4), so "breached" counts
    // clocks alone.
    // issue #17 item 5: a deleted ticket counts nowhere; checked on the row each index walk reaches (V79's indexes still serve)
    private static final String UNSOLVED = "t.status in ('new', 'open', 'pending', 'hold') and t." + TicketVisibility.NOT_DELETED;
    private static final String COUNTS = """
            select (select count(*) from (select 1 from tickets t where t.status in ('new', 'open') and t.deleted_at is null limit :limit) c) as new_and_open,
                   (select count(*) from (select 1 from tickets t where t.assignee_id = :me and {unsolved} limit :limit) c) as mine,
                   (select count(*) from (select 1 from tickets t where t.group_id in (select g.group_id from group_memberships g
                     where g.user_id = :me) and {unsolved} limit :limit) c) as my_groups,
                   (select count(*) from (select 1 from tickets t where t.assignee_id is null and {unsolved} limit :limit) c) as unassigned,
                   (select count(*) from (select 1 from tickets t where t.flags @> array['needs_org'] and {unsolved} limit :limit) c) as needs_org,
                   (select count(*) from (select 1 from tickets t where t.flags @> array['no_entitlement'] and {unsolved}
                     limit :limit) c) as no_entitlement,
                   (select count(*) from (select 1 from star_requests r join tickets t on t.id = r.ticket_id
                     where r.status = 'starred' and {unsolved} limit :limit) c) as star,
                   (select count(*) from (select 1 from ticket_slas s where {running} and s.breach_at < :now
                     and exists (select 1 from tickets t where t.id = s.ticket_id and t.deleted_at is null) limit :limit) c) as breached
            """.replace("{unsolved}", UNSOLVED).replace("{running}", RUNNING).replace(":limit", Integer.toString(TicketQueues.MOST_COUNTED + 1));

    /** How many unsolved tickets each of an agent's views holds (TKT-5), by the view's column name, one more than
     * {@link TicketQueues#MOST_COUNTED} meaning "more". */
    public Map<String, Long> counts(long agentId, Instant now) {
        // issue #18: the counts tolerate a second of lag; the queue an agent works from (byId, bySlaDue) reads the primary
        return lagTolerant.read(client -> client.sql(COUNTS).param("me", agentId).param("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .query((rs, row) -> {
                    Map<String, Long> counts = new LinkedHashMap<>();
                    var meta = rs.getMetaData();
                    for (int column = 1; column <= meta.getColumnCount(); column++) {
                        counts.put(meta.getColumnLabel(column), rs.getLong(column));
                    }
                    return counts;
                }).single());
    }

    private final JdbcClient db;
    private final LagTolerantReads lagTolerant;
    private final StoredTickets tickets;

    StoredQueues(JdbcClient db, LagTolerantReads lagTolerant, StoredTickets tickets) {
        this.db = db;
        this.lagTolerant = lagTolerant;
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
        // every base query ends in a where clause, so the filters always join with "and"; the limit is written in (a page size,
        // an int): a bound limit made PostgreSQL plan the queue on every execution (issue #19, ~1 ms CPU of 2 a page), where a
        // statement without parameters keeps its plan on the pooled connection
        String sql = from + (where.conditions.isEmpty() ? "" : " and " + String.join(" and ", where.conditions))
                + " order by " + orderBy + " limit " + limit;
        var statement = db.sql(sql);
        for (Map.Entry<String, Object> param : where.params.entrySet()) {
            statement = statement.param(param.getKey(), param.getValue());
        }
        return statement.query(this::map).list();
    }

    /** On {@code clocked} queries group, assignee, organization and flags are the clock's copies (V29, V60), which an index serves. */
    private static Filters filters(TicketQueue queue, boolean clocked) {
        Filters where = new Filters();
        if (!queue.statuses().isEmpty()) {
            where.conditions.add("status in (" + literals(queue.statuses().stream().map(TicketStatus::code).toList()) + ")");
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
            where.conditions.add((clocked ? "clock_" : "") + "flags @> array[" + literals(List.of(queue.flag().code())) + "]");
        }
        if (queue.groupsOfMemberId() != null) {
            where.add((clocked ? "clock_" : "") + "group_id in (select g.group_id from group_memberships g where g.user_id = :member_id)",
                    "member_id", queue.groupsOfMemberId());
        }
        if (queue.starred()) {
            // from the few open STAR requests to their tickets, not from every ticket to its STAR requests
            where.conditions.add("id in (select r.ticket_id from star_requests r where r.status = 'starred')");
        }
        if (queue.dueBefore() != null) {
            // a ticket without a running clock cannot be past due
            if (clocked) {
                where.add("sla_due_at < :due_before", "due_before", OffsetDateTime.ofInstant(queue.dueBefore(), ZoneOffset.UTC));
            } else {
                where.conditions.add("false");
            }
        }
        return where;
    }

    /**
     * Statuses and flags are the desk's own codes, written into the SQL as literals so that the planner can use the
     * partial indexes of unsolved and flagged tickets (V78, V79), which a bound parameter hides from it.
     */
    private static String literals(List<String> codes) {
        for (String code : codes) {
            if (!code.matches("[a-z_]+")) {
                throw new IllegalArgumentException("not a status or flag code: " + code);
            }
        }
        return String.join(", ", codes.stream().sorted().map(code -> "'" + code + "'").toList());
    }

    // the clock's copy alone: testing the ticket's column too makes the planner count the filter twice and skip the index
    private static String equal(String column, boolean clocked) {
        return (clocked ? "clock_" : "") + column + " = :" + column;
    }

    private QueuedTicket map(ResultSet rs, int row) throws SQLException {
        Timestamp due = rs.getTimestamp("sla_due_at");
        return new QueuedTicket(tickets.map(rs, row), due == null ? null : due.toInstant(), rs.getBoolean("starred"));
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
