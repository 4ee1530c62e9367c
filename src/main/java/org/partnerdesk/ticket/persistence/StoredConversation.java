package org.partnerdesk.ticket.persistence;

import java.util.List;

import org.partnerdesk.ticket.Audit;
import org.partnerdesk.ticket.Comment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The comments and audits of tickets. */
@Repository
public class StoredConversation {

    private final JdbcClient db;
    private final JsonMapper json;

    StoredConversation(JdbcClient db, JsonMapper json) {
        this.db = db;
        this.json = json;
    }

    public Comment addComment(long ticketId, long authorId, String body, boolean isPublic) {
        return db.sql("insert into ticket_comments (ticket_id, author_id, body, public) values (?, ?, ?, ?)"
                        + " returning id, ticket_id, author_id, body, public, created_at")
                .params(ticketId, authorId, body, isPublic).query(StoredConversation::comment).single();
    }

    /** The comment a ticket was opened with. */
    public long firstCommentId(long ticketId) {
        return db.sql("select min(id) from ticket_comments where ticket_id = ?").param(ticketId).query(Long.class).single();
    }

    /** Issue #17: one public comment of a ticket; an internal note answers as missing. */
    public java.util.Optional<Comment> publicComment(long ticketId, long commentId) {
        return db.sql("select id, ticket_id, author_id, body, public, created_at from ticket_comments where ticket_id = ? and id = ? and public")
                .params(ticketId, commentId).query(StoredConversation::comment).optional();
    }

    public List<Comment> comments(long ticketId, boolean withInternalNotes, long afterId, int limit) {
        return db.sql("select id, ticket_id, author_id, body, public, created_at from ticket_comments"
                        + " where ticket_id = ? and (public or ?) and id > ? order by id limit ?")
                .params(ticketId, withInternalNotes, afterId, limit).query(StoredConversation::comment).list();
    }

    public void addAudit(long ticketId, long authorId, List<Audit.Event> events) {
        db.sql("insert into ticket_audits (ticket_id, author_id, events) values (?, ?, cast(? as jsonb))")
                .params(ticketId, authorId, json.writeValueAsString(events)).update();
    }

    /** The audits written after {@code since}, oldest first: what changed on a ticket while someone had it open (UI-1). */
    public List<Audit> auditsSince(long ticketId, java.time.Instant since, int limit) {
        return db.sql("select id, ticket_id, author_id, events::text, created_at from ticket_audits"
                        + " where ticket_id = ? and created_at > ? order by id limit ?")
                .params(ticketId, java.sql.Timestamp.from(since), limit)
                .query((rs, n) -> new Audit(rs.getLong(1), rs.getLong(2), rs.getLong(3),
                        json.readValue(rs.getString(4), new TypeReference<List<Audit.Event>>() { }),
                        rs.getTimestamp(5).toInstant())).list();
    }

    /**
     * Issue #17: the audits this transaction wrote on a ticket (an audit's created_at is its transaction's start, now()), for
     * listeners that run inside the writing transaction, such as the webhooks' own.
     */
    public List<Audit> auditsOfThisTransaction(long ticketId) {
        return db.sql("select id, ticket_id, author_id, events::text, created_at from ticket_audits"
                        + " where ticket_id = ? and created_at = now() order by id")
                .param(ticketId)
                .query((rs, n) -> new Audit(rs.getLong(1), rs.getLong(2), rs.getLong(3),
                        json.readValue(rs.getString(4), new TypeReference<List<Audit.Event>>() { }),
                        rs.getTimestamp(5).toInstant()))
                .list();
    }

    public List<Audit> audits(long ticketId, long afterId, int limit) {
        return db.sql("select id, ticket_id, author_id, events::text, created_at from ticket_audits"
                        + " where ticket_id = ? and id > ? order by id limit ?")
                .params(ticketId, afterId, limit)
                .query((rs, n) -> new Audit(rs.getLong(1), rs.getLong(2), rs.getLong(3),
                        json.readValue(rs.getString(4), new TypeReference<List<Audit.Event>>() { }),
                        rs.getTimestamp(5).toInstant()))
                .list();
    }

    private static Comment comment(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Comment(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getBoolean(5),
                rs.getTimestamp(6).toInstant());
    }
}
