package org.partnerdesk.directory.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.partnerdesk.directory.NfrLicense;
import org.partnerdesk.directory.Plan;
import org.partnerdesk.directory.Term;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The nfr_licenses table (DIR-6). */
@Repository
public class StoredNfrLicenses {

    private static final String COLUMNS = "id, organization_id, plan, users, starts_on, ends_on, created_at";

    private final JdbcClient db;

    StoredNfrLicenses(JdbcClient db) {
        this.db = db;
    }

    public record Values(long organizationId, Plan plan, int users, Term term) {
    }

    public NfrLicense insert(Values v) {
        return db.sql("insert into nfr_licenses (organization_id, plan, users, starts_on, ends_on) values (?, ?, ?, ?, ?)"
                        + " returning " + COLUMNS)
                .params(v.organizationId(), v.plan().code(), v.users(), v.term().startsOn(), v.term().endsOn())
                .query(StoredNfrLicenses::map).single();
    }

    public Optional<NfrLicense> find(long id) {
        return db.sql("select " + COLUMNS + " from nfr_licenses where id = ?").param(id).query(StoredNfrLicenses::map).optional();
    }

    public List<NfrLicense> page(long afterId, int limit, @Nullable Long organizationId) {
        return db.sql("select " + COLUMNS + " from nfr_licenses where id > ? and (cast(? as bigint) is null or organization_id = ?)"
                        + " order by id limit ?")
                .params(afterId, organizationId, organizationId, limit).query(StoredNfrLicenses::map).list();
    }

    public List<NfrLicense> ofOrganization(long organizationId) {
        return db.sql("select " + COLUMNS + " from nfr_licenses where organization_id = ? order by id").param(organizationId)
                .query(StoredNfrLicenses::map).list();
    }

    public List<NfrLicense> endingBetween(LocalDate from, LocalDate to) {
        return db.sql("select " + COLUMNS + " from nfr_licenses where ends_on between ? and ? order by ends_on, id")
                .params(from, to).query(StoredNfrLicenses::map).list();
    }

    public boolean existFor(long organizationId) {
        return db.sql("select exists (select 1 from nfr_licenses where organization_id = ?)").param(organizationId)
                .query(Boolean.class).single();
    }

    private static NfrLicense map(ResultSet rs, int row) throws SQLException {
        return new NfrLicense(rs.getLong("id"), rs.getLong("organization_id"), Plan.fromCode(rs.getString("plan")).orElseThrow(),
                rs.getInt("users"), new Term(rs.getObject("starts_on", LocalDate.class), rs.getObject("ends_on", LocalDate.class)),
                rs.getTimestamp("created_at").toInstant());
    }
}
