package org.partnerdesk.partnerops.nfr.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.partnerdesk.partnerops.Certification;
import org.partnerdesk.partnerops.CertificationKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The certifications table: the register of PO-3, one row per person and certification. */
@Repository
public class StoredCertifications {

    private static final String COLUMNS = "id, organization_id, user_id, kind, passed_on, expires_on, recorded_by, created_at";

    private final JdbcClient db;

    StoredCertifications(JdbcClient db) {
        this.db = db;
    }

    public Certification insert(long organizationId, long userId, CertificationKind kind, LocalDate passedOn,
                                @Nullable LocalDate expiresOn, long recordedBy) {
        return db.sql("insert into certifications (organization_id, user_id, kind, passed_on, expires_on, recorded_by)"
                        + " values (?, ?, ?, ?, ?, ?) returning " + COLUMNS)
                .params(organizationId, userId, kind.code(), passedOn, expiresOn, recordedBy).query(StoredCertifications::map).single();
    }

    public Optional<Certification> find(long id) {
        return db.sql("select " + COLUMNS + " from certifications where id = ?").param(id).query(StoredCertifications::map).optional();
    }

    public Optional<Certification> find(long userId, CertificationKind kind) {
        return db.sql("select " + COLUMNS + " from certifications where user_id = ? and kind = ?").params(userId, kind.code())
                .query(StoredCertifications::map).optional();
    }

    public void delete(long id) {
        db.sql("delete from certifications where id = ?").param(id).update();
    }

    // certifications_org (organization_id, id) and certifications_kind (kind, id, V89) serve the filters
    public List<Certification> page(@Nullable Long organizationId, @Nullable CertificationKind kind, long afterId, int limit) {
        String where = "id > :after" + (organizationId == null ? "" : " and organization_id = :organization")
                + (kind == null ? "" : " and kind = :kind");
        var statement = db.sql("select " + COLUMNS + " from certifications where " + where + " order by id limit :limit")
                .param("after", afterId).param("limit", limit);
        if (organizationId != null) {
            statement = statement.param("organization", organizationId);
        }
        if (kind != null) {
            statement = statement.param("kind", kind.code());
        }
        return statement.query(StoredCertifications::map).list();
    }

    /** PO-3: certifications count while their holder still belongs to the partner. */
    public List<Certification> heldByMembers(long organizationId) {
        return db.sql("select " + "c.id, c.organization_id, c.user_id, c.kind, c.passed_on, c.expires_on, c.recorded_by, c.created_at" + " from certifications c"
                        + " join organization_memberships m on m.user_id = c.user_id and m.organization_id = c.organization_id"
                        + " where c.organization_id = ? order by c.id")
                .param(organizationId).query(StoredCertifications::map).list();
    }

    private static Certification map(ResultSet rs, int row) throws SQLException {
        return new Certification(rs.getLong("id"), rs.getLong("organization_id"), rs.getLong("user_id"),
                CertificationKind.fromCode(rs.getString("kind")).orElseThrow(), rs.getObject("passed_on", LocalDate.class),
                rs.getObject("expires_on", LocalDate.class), (Long) rs.getObject("recorded_by"), rs.getTimestamp("created_at").toInstant());
    }
}
