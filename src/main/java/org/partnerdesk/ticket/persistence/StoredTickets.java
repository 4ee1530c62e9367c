package org.partnerdesk.ticket.persistence;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.partnerdesk.entitlement.Flag;
import org.partnerdesk.ticket.Audit;
import org.partnerdesk.ticket.ExportedTicket;
import org.partnerdesk.ticket.Ticket;
import org.partnerdesk.ticket.TicketPriority;
import org.partnerdesk.ticket.TicketStatus;
import org.partnerdesk.ticket.TicketType;
import org.partnerdesk.ticket.Ticket.StoredDecision;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The tickets table. */
@Repository
public class StoredTickets {

    /** What {@link #content} reads: every column of {@link #COLUMNS} but the entitlement decision. */
    static final String CONTENT_COLUMNS = """
            id, subject, description, description_public, status, priority, type, ticket_form_id, requester_id, submitter_id, organization_id,
            assignee_id, group_id, tags, custom_fields::text as custom_fields, collaborator_ids, created_at, updated_at""";

    static final String COLUMNS = CONTENT_COLUMNS + ", entitlement::text as entitlement";

    private final JdbcClient db;
    private final JsonMapper json;
    private final DecisionCodec codec;

    StoredTickets(JdbcClient db, JsonMapper json, DecisionCodec codec) {
        this.db = db;
        this.json = json;
        this.codec = codec;
    }

    /**
     * Stores a new ticket with its first comment and its creation audit in one statement: intake is the hot path,
     * and three round trips cost the database more than the rows themselves.
     */
    public Ticket insert(Ticket t, long authorId, String firstComment, List<Audit.Event> events) {
        return db.sql("""
                        with ticket as (
                            insert into tickets (subject, description, description_public, status, priority, type, ticket_form_id, requester_id,
                                   submitter_id, organization_id, assignee_id, group_id, tags, custom_fields, collaborator_ids,
                                   entitlement, flags)
                            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, cast(? as jsonb), ?)
                            returning id, created_at),
                        comment as (
                            insert into ticket_comments (ticket_id, author_id, body, public) select id, ?, ?, ? from ticket),
                        audit as (
                            insert into ticket_audits (ticket_id, author_id, events) select id, ?, cast(? as jsonb) from ticket)
                        select id, created_at from ticket""")
                .params(t.subject(), t.description(), t.descriptionIsPublic(), t.status().code(), t.priorityCode(), t.typeCode(), t.formId(), t.requesterId(),
                        t.submitterId(), t.organizationId(), t.assigneeId(), t.groupId(), t.tags().toArray(String[]::new),
                        customFields(t.customFields()), t.collaboratorIds().toArray(Long[]::new), codec.write(t.decision()),
                        flags(t), authorId, firstComment, t.descriptionIsPublic(), authorId, json.writeValueAsString(events))
                // the row is what we just wrote: read back only what the database chose
                .query((rs, n) -> t.stored(rs.getLong(1), rs.getTimestamp(2).toInstant()))
                .single();
    }

    public Ticket update(Ticket t) {
        return db.sql("update tickets set subject = ?, status = ?, priority = ?, type = ?, requester_id = ?, organization_id = ?,"
                        + " assignee_id = ?, group_id = ?, tags = ?, custom_fields = cast(? as jsonb), collaborator_ids = ?,"
                        + " entitlement = cast(? as jsonb), flags = ?, updated_at = now() where id = ? returning " + COLUMNS)
                .params(t.subject(), t.status().code(), t.priorityCode(), t.typeCode(), t.requesterId(), t.organizationId(), t.assigneeId(),
                        t.groupId(), t.tags().toArray(String[]::new), customFields(t.customFields()),
                        t.collaboratorIds().toArray(Long[]::new), codec.write(t.decision()), flags(t), t.id())
                .query(this::map).single();
    }

    public Optional<Ticket> find(long id) {
        return db.sql("select " + COLUMNS + " from tickets where id = ? and " + TicketVisibility.NOT_DELETED).param(id).query(this::map).optional();
    }

    /** Issue #17: a ticket in the bin (deleted, not purged), as it was when deleted. */
    public Optional<Ticket> findInBin(long id) {
        return db.sql("select " + COLUMNS + " from tickets where id = ? and deleted_at is not null and purged_at is null").param(id).query(this::map).optional();
    }

    public Optional<Ticket> findForUpdate(long id) {
        return db.sql("select " + COLUMNS + " from tickets where id = ? and " + TicketVisibility.NOT_DELETED + " for update").param(id).query(this::map).optional();
    }

    public List<Ticket> page(long afterId, int limit) {
        return db.sql("select " + COLUMNS + " from tickets where id > ? and " + TicketVisibility.NOT_DELETED + " order by id limit ?")
                .params(afterId, limit).query(this::map).list();
    }

    public List<Ticket> pageVisibleTo(long userId, @Nullable Long organizationId, long afterId, int limit) {
        return db.sql("select " + COLUMNS + " from tickets where id > :after and " + TicketVisibility.NOT_DELETED + " and " + TicketVisibility.VISIBLE_TO + " order by id limit :limit")
                .param("after", afterId).param("user", userId).param("org", organizationId).param("limit", limit)
                .query(this::map).list();
    }

    /** API-2 for one ticket, by the same rule lists and search use. */
    public boolean isVisibleTo(long ticketId, long userId, @Nullable Long organizationId) {
        return db.sql("select exists (select 1 from tickets where id = :id and " + TicketVisibility.NOT_DELETED + " and " + TicketVisibility.VISIBLE_TO + ")")
                .param("id", ticketId).param("user", userId).param("org", organizationId)
                .query(Boolean.class).single();
    }

    public List<Ticket> findAllVisibleTo(List<Long> ids, long userId, @Nullable Long organizationId) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return db.sql("select " + COLUMNS + " from tickets where id = any(:ids) and " + TicketVisibility.NOT_DELETED + " and " + TicketVisibility.VISIBLE_TO + " order by id")
                .param("ids", ids.toArray(Long[]::new)).param("user", userId).param("org", organizationId)
                .query(this::map).list();
    }

    public List<Ticket> findAll(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return db.sql("select " + COLUMNS + " from tickets where id = any(?) and " + TicketVisibility.NOT_DELETED + " order by id").param(ids.toArray(Long[]::new))
                .query(this::map).list();
    }

    private static String[] flags(Ticket t) {
        return t.entitlement().flags().stream().map(Flag::code).toArray(String[]::new);
    }

    private String customFields(Map<Long, Object> fields) {
        Map<String, Object> byId = new LinkedHashMap<>();
        fields.forEach((id, value) -> byId.put(Long.toString(id), value));
        return json.writeValueAsString(byId);
    }

    Ticket map(ResultSet rs, int row) throws SQLException {
        ExportedTicket.Content c = content(rs);
        return new Ticket(c.id(), c.subject(), c.description(), c.descriptionIsPublic(), c.status(), c.priority(), c.type(), c.formId(),
                c.requesterId(), c.submitterId(), c.organizationId(), c.assigneeId(), c.groupId(), c.tags(), c.customFields(),
                c.collaboratorIds(), codec.read(rs.getString("entitlement")), c.createdAt(), c.updatedAt());
    }

    /** A row of {@link #CONTENT_COLUMNS}: the ticket without its decision, whose JSON is the costliest part of a row to decode. */
    ExportedTicket.Content content(ResultSet rs) throws SQLException {
        Map<Long, Object> fields = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : json.readTree(rs.getString("custom_fields")).properties()) {
            JsonNode value = field.getValue();
            if (!value.isNull()) {
                fields.put(Long.parseLong(field.getKey()), value.isBoolean() ? value.booleanValue() : value.asString());
            }
        }
        return new ExportedTicket.Content(rs.getLong("id"), rs.getString("subject"), rs.getString("description"),
                rs.getBoolean("description_public"), TicketStatus.of(rs.getString("status")),
                TicketPriority.ofNullable(rs.getString("priority")), TicketType.ofNullable(rs.getString("type")), rs.getLong("ticket_form_id"), rs.getLong("requester_id"),
                rs.getLong("submitter_id"), (Long) rs.getObject("organization_id"), (Long) rs.getObject("assignee_id"),
                (Long) rs.getObject("group_id"), texts(rs.getArray("tags")), fields, longs(rs.getArray("collaborator_ids")),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
    }

    private static List<String> texts(Array array) throws SQLException {
        return Arrays.asList((String[]) array.getArray());
    }

    private static List<Long> longs(Array array) throws SQLException {
        return Arrays.asList((Long[]) array.getArray());
    }
}
