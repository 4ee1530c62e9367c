package org.partnerdesk.sla.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.partnerdesk.sla.domain.Hours;
import org.partnerdesk.sla.domain.Metric;
import org.partnerdesk.sla.domain.SlaMetric;
import org.partnerdesk.sla.domain.Stage;
import org.partnerdesk.sla.domain.Target;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The ticket_slas table (TKT-4): one row per reply clock of a ticket. */
@Repository
public class StoredSlas {

    private static final String COLUMNS = """
            id, ticket_id, policy, support_level, priority, metric, stage, calendar, target_minutes, started_at, breach_at,
            paused_at, paused_seconds, achieved_at, breached_at""";

    private final JdbcClient db;

    StoredSlas(JdbcClient db) {
        this.db = db;
    }

    /** Intake writes one clock per ticket: nothing is read back, since no caller uses the stored row. */
    public void insert(SlaMetric m) {
        db.sql("insert into ticket_slas (ticket_id, policy, support_level, priority, metric, stage, calendar, target_minutes,"
                        + " started_at, breach_at, paused_at, paused_seconds, achieved_at, breached_at)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(m.ticketId(), m.terms().policy(), m.terms().supportLevel(), m.terms().priority(), m.metric().code(),
                        m.stage().code(), m.target().hours().code(), m.target().minutes(), time(m.startedAt()), time(m.breachAt()),
                        time(m.pausedAt()), m.pausedTime().toSeconds(), time(m.achievedAt()), time(m.breachedAt()))
                .update();
    }

    public void update(SlaMetric m) {
        db.sql("update ticket_slas set policy = ?, support_level = ?, priority = ?, stage = ?, calendar = ?, target_minutes = ?,"
                        + " breach_at = ?, paused_at = ?, paused_seconds = ?, achieved_at = ?, breached_at = ?, updated_at = now()"
                        + " where id = ?")
                .params(m.terms().policy(), m.terms().supportLevel(), m.terms().priority(), m.stage().code(),
                        m.target().hours().code(), m.target().minutes(), time(m.breachAt()), time(m.pausedAt()),
                        m.pausedTime().toSeconds(), time(m.achievedAt()), time(m.breachedAt()), m.id())
                .update();
    }

    public List<SlaMetric> ofTicket(long ticketId) {
        return db.sql("select " + COLUMNS + " from ticket_slas where ticket_id = ? order by id").param(ticketId)
                .query(StoredSlas::map).list();
    }

    /** Active clocks past due, locked; rows another node holds are skipped, so each breach is marked by one scan. */
    public List<SlaMetric> dueForUpdate(Instant now, int limit) {
        return db.sql("select " + COLUMNS + " from ticket_slas where stage = 'active' and breach_at < ?"
                        + " order by breach_at limit ? for update skip locked")
                .params(time(now), limit).query(StoredSlas::map).list();
    }

    private static @Nullable OffsetDateTime time(@Nullable Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static SlaMetric map(ResultSet rs, int row) throws SQLException {
        Target target = new Target(Duration.ofMinutes(rs.getInt("target_minutes")), Hours.fromCode(rs.getString("calendar")));
        SlaMetric.Terms terms = new SlaMetric.Terms(rs.getString("policy"), rs.getString("support_level"), rs.getString("priority"),
                target);
        return new SlaMetric(rs.getLong("id"), rs.getLong("ticket_id"), Metric.fromCode(rs.getString("metric")), terms,
                Stage.fromCode(rs.getString("stage")), instant(rs, "started_at"), instant(rs, "breach_at"), instant(rs, "paused_at"),
                Duration.ofSeconds(rs.getLong("paused_seconds")), instant(rs, "achieved_at"), instant(rs, "breached_at"));
    }
}
