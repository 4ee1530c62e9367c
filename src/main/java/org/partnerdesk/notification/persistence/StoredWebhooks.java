package org.partnerdesk.notification.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.partnerdesk.notification.Webhook;
import org.partnerdesk.notification.WebhookInvocation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** Issue #17: webhooks, their signing secrets, their delivery log and their audit (V102). */
@Repository
public class StoredWebhooks {

    private static final String COLUMNS = "id, name, description, endpoint, http_method, request_format, status, subscriptions,"
            + " created_at, created_by, updated_at, updated_by";

    private final JdbcClient db;
    private final JsonMapper json;

    StoredWebhooks(JdbcClient db, JsonMapper json) {
        this.db = db;
        this.json = json;
    }

    /** What an admin sets on a webhook; null leaves a field as it is on update. */
    public record Settings(@Nullable String name, @Nullable String description, @Nullable String endpoint, @Nullable String httpMethod,
                           @Nullable String requestFormat, @Nullable String status, @Nullable List<String> subscriptions) {
    }

    public Webhook insert(Settings settings, String secret, long actorId) {
        return db.sql("insert into webhooks (name, description, endpoint, http_method, request_format, status, subscriptions,"
                        + " signing_secret, created_by, updated_by) values (?, ?, ?, ?, ?, ?, cast(? as text[]), ?, ?, ?) returning " + COLUMNS)
                .params(settings.name(), settings.description(), settings.endpoint(), settings.httpMethod(), settings.requestFormat(),
                        settings.status(), subscriptions(settings), secret, actorId, actorId)
                .query(StoredWebhooks::webhook).single();
    }

    public Optional<Webhook> update(long id, Settings settings, long actorId) {
        return db.sql("update webhooks set name = coalesce(?, name), description = coalesce(?, description),"
                        + " endpoint = coalesce(?, endpoint), http_method = coalesce(?, http_method),"
                        + " request_format = coalesce(?, request_format), status = coalesce(?, status),"
                        + " subscriptions = coalesce(cast(? as text[]), subscriptions), updated_at = now(), updated_by = ? where id = ? returning " + COLUMNS)
                .params(settings.name(), settings.description(), settings.endpoint(), settings.httpMethod(), settings.requestFormat(),
                        settings.status(), subscriptions(settings), actorId, id)
                .query(StoredWebhooks::webhook).optional();
    }

    public boolean delete(long id) {
        return db.sql("delete from webhooks where id = ?").param(id).update() == 1;
    }

    public Optional<Webhook> find(long id) {
        return db.sql("select " + COLUMNS + " from webhooks where id = ?").param(id).query(StoredWebhooks::webhook).optional();
    }

    public List<Webhook> page(long afterId, int limit) {
        return db.sql("select " + COLUMNS + " from webhooks where id > ? order by id limit ?").params(afterId, limit)
                .query(StoredWebhooks::webhook).list();
    }

    /** Whether any webhook is active: {@code ActiveWebhooks} asks at most every few seconds. */
    public boolean anyActive() {
        return db.sql("select exists (select 1 from webhooks where status = 'active')").query(Boolean.class).single();
    }

    /** The active webhooks subscribed to any of these events: one small read per ticket write while any webhook is active. */
    public List<Webhook> activeSubscribedToAny(List<String> eventTypes) {
        return db.sql("select " + COLUMNS + " from webhooks where status = 'active' and subscriptions && cast(? as text[]) order by id")
                .param(eventTypes.toArray(String[]::new)).query(StoredWebhooks::webhook).list();
    }

    public Optional<String> signingSecret(long id) {
        return db.sql("select signing_secret from webhooks where id = ?").param(id).query(String.class).optional();
    }

    public boolean resetSigningSecret(long id, String secret, long actorId) {
        return db.sql("update webhooks set signing_secret = ?, updated_at = now(), updated_by = ? where id = ?")
                .params(secret, actorId, id).update() == 1;
    }

    public void audit(long actorId, long webhookId, String action, Map<String, ?> changes) {
        db.sql("insert into webhook_audits (actor_id, webhook_id, action, changes) values (?, ?, ?, cast(? as jsonb))")
                .params(actorId, webhookId, action, json.writeValueAsString(changes)).update();
    }

    /** Logs one attempt; its number is one more than this event's attempts so far on this webhook. */
    public void logInvocation(long webhookId, UUID eventId, String eventType, long ticketId, Instant attemptedAt,
                              @Nullable Integer statusCode, @Nullable String error, int durationMs) {
        db.sql("""
                        insert into webhook_invocations (webhook_id, event_id, event_type, ticket_id, attempt, attempted_at, status_code,
                                                         error, duration_ms)
                        select ?, ?, ?, ?, 1 + (select count(*) from webhook_invocations where webhook_id = ? and event_id = ?), ?, ?, ?, ?
                         where exists (select 1 from webhooks where id = ?)""")
                .params(webhookId, eventId, eventType, ticketId, webhookId, eventId, Timestamp.from(attemptedAt), statusCode, error,
                        durationMs, webhookId)
                .update();
    }

    public List<WebhookInvocation> invocations(long webhookId, long afterId, int limit) {
        return db.sql("""
                        select id, webhook_id, event_id, event_type, ticket_id, attempt, attempted_at, status_code, error, duration_ms
                          from webhook_invocations where webhook_id = ? and id > ? order by id limit ?""")
                .params(webhookId, afterId, limit)
                .query((rs, n) -> new WebhookInvocation(rs.getLong("id"), rs.getLong("webhook_id"), rs.getObject("event_id", UUID.class),
                        rs.getString("event_type"), rs.getObject("ticket_id", Long.class), rs.getInt("attempt"),
                        rs.getTimestamp("attempted_at").toInstant(), rs.getObject("status_code", Integer.class), rs.getString("error"),
                        rs.getInt("duration_ms")))
                .list();
    }

    private static String @Nullable [] subscriptions(Settings settings) {
        return settings.subscriptions() == null ? null : settings.subscriptions().toArray(String[]::new);
    }

    private static Webhook webhook(ResultSet rs, int row) throws SQLException {
        String[] subscriptions = (String[]) rs.getArray("subscriptions").getArray();
        return new Webhook(rs.getLong("id"), rs.getString("name"), rs.getString("description"), rs.getString("endpoint"),
                rs.getString("http_method"), rs.getString("request_format"), rs.getString("status"), Arrays.asList(subscriptions),
                rs.getTimestamp("created_at").toInstant(), rs.getLong("created_by"), rs.getTimestamp("updated_at").toInstant(),
                rs.getLong("updated_by"));
    }
}
