package org.partnerdesk.partnerops.nfr.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.partnerdesk.partnerops.NfrException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The nfr_exceptions table and its decisions (PO-4); unique indexes keep one live exception per request and one decision per person. */
@Repository
public class StoredNfrExceptions {

    private static final String COLUMNS = "id, nfr_request_id, organization_id, requested_by, channel_director_id, users, "
            + "business_justification, status, nfr_license_id, fulfilled_by, created_at, updated_at";

    /**
     * PO-4: a pending exception {@code :me} may still decide: not their own, not decided by them, and the capacity they
     * hold still open (the requester's own Channel Director, or any Programs Director). Shared with the inbox counts.
     */
    public static final String AWAITING_DECISION_OF_ME = """
            e.status = 'pending' and e.requested_by <> :me
            and not exists (select 1 from nfr_exception_decisions d where d.nfr_exception_id = e.id and d.decided_by = :me)
            and ((:channelDirector and e.channel_director_id = :me and not exists (select 1 from nfr_exception_decisions d
                      where d.nfr_exception_id = e.id and d.capacity = 'channel_director'))
                 or (:programsDirector and not exists (select 1 from nfr_exception_decisions d
                      where d.nfr_exception_id = e.id and d.capacity = 'programs_director')))""";

    private final JdbcClient db;

    StoredNfrExceptions(JdbcClient db) {
        this.db = db;
    }

    public NfrException insert(NfrException e) {
        long id = db.sql("""
                        insert into nfr_exceptions (nfr_request_id, organization_id, requested_by, channel_director_id, users,
                                                    business_justification, status, created_at, updated_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(e.nfrRequestId(), e.organizationId(), e.requestedBy(), e.channelDirectorId(), e.users(),
                        e.businessJustification(), e.status().code(), Timestamp.from(e.createdAt()), Timestamp.from(e.updatedAt()))
                .query(Long.class).single();
        return find(id).orElseThrow();
    }

    /** Stores the new state and the decision just added, if any. */
    public NfrException update(NfrException e, NfrException.@Nullable Decision added) {
        if (added != null) {
            db.sql("""
                            insert into nfr_exception_decisions (nfr_exception_id, decided_by, capacity, verdict, comment, decided_at)
                            values (?, ?, ?, ?, ?, ?)""")
                    .params(e.id(), added.decidedBy(), added.capacity().code(), added.verdict().code(), added.comment(),
                            Timestamp.from(added.decidedAt()))
                    .update();
        }
        db.sql("update nfr_exceptions set status = ?, nfr_license_id = ?, fulfilled_by = ?, updated_at = ? where id = ?")
                .params(e.status().code(), e.nfrLicenseId(), e.fulfilledBy(), Timestamp.from(e.updatedAt()), e.id()).update();
        return find(e.id()).orElseThrow();
    }

    public Optional<NfrException> find(long id) {
        return db.sql("select " + COLUMNS + " from nfr_exceptions where id = ?").param(id).query(this::map).optional();
    }

    /** For update: two directors deciding at once are taken one after the other. */
    public Optional<NfrException> lock(long id) {
        return db.sql("select " + COLUMNS + " from nfr_exceptions where id = ? for update").param(id).query(this::map).optional();
    }

    public Optional<NfrException> openOn(long nfrRequestId) {
        return db.sql("select " + COLUMNS + " from nfr_exceptions where nfr_request_id = ? and status in ('pending', 'approved')")
                .param(nfrRequestId).query(this::map).optional();
    }

    /** PO-4: the latest exception on each of these requests, with its approvals so far, in one statement (no decisions per row). */
    public List<NfrException.Standing> latestOn(List<Long> nfrRequestIds) {
        if (nfrRequestIds.isEmpty()) {
            return List.of();
        }
        return db.sql("""
                        select distinct on (e.nfr_request_id) e.nfr_request_id, e.status, e.users,
                               (select count(*) from nfr_exception_decisions d where d.nfr_exception_id = e.id and d.verdict = 'approve') as approvals
                        from nfr_exceptions e where e.nfr_request_id = any(?) order by e.nfr_request_id, e.id desc""")
                .param(nfrRequestIds.toArray(Long[]::new))
                .query((rs, row) -> new NfrException.Standing(rs.getLong("nfr_request_id"), NfrException.Status.fromCode(rs.getString("status")),
                        rs.getInt("users"), rs.getInt("approvals")))
                .list();
    }

    public List<NfrException> page(NfrException.@Nullable Status status, long afterId, int limit) {
        if (status == null) {
            return withDecisions(db.sql("select " + COLUMNS + " from nfr_exceptions where id > ? order by id limit ?")
                    .params(afterId, limit).query(this::row).list());
        }
        return withDecisions(db.sql("select " + COLUMNS + " from nfr_exceptions where status = ? and id > ? order by id limit ?")
                .params(status.code(), afterId, limit).query(this::row).list());
    }

    /** PO-4: the pending exceptions this person may decide now, in id order. */
    public List<NfrException> awaitingDecisionOf(long userId, boolean channelDirector, boolean programsDirector, long afterId, int limit) {
        return withDecisions(db.sql("select " + COLUMNS + " from nfr_exceptions e where "
                        + AWAITING_DECISION_OF_ME + " and e.id > :after order by e.id limit :limit")
                .param("me", userId).param("channelDirector", channelDirector).param("programsDirector", programsDirector)
                .param("after", afterId).param("limit", limit).query(this::row).list());
    }

    // one statement for the decisions of a whole page, not one per exception
    private List<NfrException> withDecisions(List<NfrException> page) {
        if (page.isEmpty()) {
            return page;
        }
        Map<Long, List<NfrException.Decision>> byException = new LinkedHashMap<>();
        db.sql("select nfr_exception_id, decided_by, capacity, verdict, comment, decided_at from nfr_exception_decisions"
                        + " where nfr_exception_id = any(?) order by id")
                .param(page.stream().map(NfrException::id).toArray(Long[]::new))
                .query(rs -> {
                    byException.computeIfAbsent(rs.getLong("nfr_exception_id"), id -> new ArrayList<>()).add(decision(rs));
                });
        return page.stream().map(e -> withDecisions(e, byException.getOrDefault(e.id(), List.of()))).toList();
    }

    private static NfrException withDecisions(NfrException e, List<NfrException.Decision> decisions) {
        return new NfrException(e.id(), e.nfrRequestId(), e.organizationId(), e.requestedBy(), e.channelDirectorId(), e.users(),
                e.businessJustification(), e.status(), decisions, e.nfrLicenseId(), e.fulfilledBy(), e.createdAt(), e.updatedAt());
    }

    private List<NfrException.Decision> decisions(long exceptionId) {
        return db.sql("select decided_by, capacity, verdict, comment, decided_at from nfr_exception_decisions"
                        + " where nfr_exception_id = ? order by id")
                .param(exceptionId)
                .query((rs, row) -> decision(rs))
                .list();
    }

    private static NfrException.Decision decision(ResultSet rs) throws SQLException {
        return new NfrException.Decision(rs.getLong("decided_by"), NfrException.Capacity.fromCode(rs.getString("capacity")),
                NfrException.Verdict.fromCode(rs.getString("verdict")), rs.getString("comment"), rs.getTimestamp("decided_at").toInstant());
    }

    // a row without its decisions: lists add them for the whole page at once
    private NfrException row(ResultSet rs, int row) throws SQLException {
        return new NfrException(rs.getLong("id"), rs.getLong("nfr_request_id"), rs.getLong("organization_id"), rs.getLong("requested_by"),
                rs.getLong("channel_director_id"), rs.getInt("users"), rs.getString("business_justification"),
                NfrException.Status.fromCode(rs.getString("status")), List.of(), (Long) rs.getObject("nfr_license_id"),
                (Long) rs.getObject("fulfilled_by"), rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
    }

    private NfrException map(ResultSet rs, int row) throws SQLException {
        long id = rs.getLong("id");
        return new NfrException(id, rs.getLong("nfr_request_id"), rs.getLong("organization_id"), rs.getLong("requested_by"),
                rs.getLong("channel_director_id"), rs.getInt("users"), rs.getString("business_justification"),
                NfrException.Status.fromCode(rs.getString("status")), decisions(id), (Long) rs.getObject("nfr_license_id"),
                (Long) rs.getObject("fulfilled_by"), rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
    }
}
