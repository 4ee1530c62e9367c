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
import org.partnerdesk.directory.Plan;
import org.partnerdesk.partnerops.NfrEligibility;
import org.partnerdesk.partnerops.NfrRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The nfr_requests table (PO-3); the eligibility is kept as JSON, requirement by requirement. */
@Repository
public class StoredNfrRequests {

    private static final String COLUMNS = "id, organization_id, submitter_id, plan, users, deployment, comment, status, "
            + "eligibility::text as eligibility, nfr_license_id, fulfilled_by, created_at, updated_at";

    private final JdbcClient db;
    private final JsonMapper json;

    StoredNfrRequests(JdbcClient db, JsonMapper json) {
        this.db = db;
        this.json = json;
    }

    public NfrRequest insert(NfrRequest r) {
        long id = db.sql("""
                        insert into nfr_requests (organization_id, submitter_id, plan, users, deployment, comment, status, eligibility,
                                                  created_at, updated_at)
                        values (?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, ?) returning id""")
                .params(r.organizationId(), r.submitterId(), r.plan().code(), r.users(), r.deployment(), r.comment(), r.status().code(),
                        write(r.eligibility()), Timestamp.from(r.createdAt()), Timestamp.from(r.updatedAt()))
                .query(Long.class).single();
        return find(id).orElseThrow();
    }

    public NfrRequest update(NfrRequest r) {
        db.sql("update nfr_requests set status = ?, nfr_license_id = ?, fulfilled_by = ?, updated_at = ? where id = ?")
                .params(r.status().code(), r.nfrLicenseId(), r.fulfilledBy(), Timestamp.from(r.updatedAt()), r.id()).update();
        return find(r.id()).orElseThrow();
    }

    public Optional<NfrRequest> find(long id) {
        return db.sql("select " + COLUMNS + " from nfr_requests where id = ?").param(id).query(this::map).optional();
    }

    /** For update: a second fulfilment waits for the first and then sees it. */
    public Optional<NfrRequest> lock(long id) {
        return db.sql("select " + COLUMNS + " from nfr_requests where id = ? for update").param(id).query(this::map).optional();
    }

    public List<NfrRequest> page(@Nullable Long organizationId, long afterId, int limit) {
        if (organizationId == null) {
            return db.sql("select " + COLUMNS + " from nfr_requests where id > ? order by id limit ?").params(afterId, limit)
                    .query(this::map).list();
        }
        return db.sql("select " + COLUMNS + " from nfr_requests where organization_id = ? and id > ? order by id limit ?")
                .params(organizationId, afterId, limit).query(this::map).list();
    }

    /** UI-1 operations console: one status's requests in id order (nfr_requests_status). */
    public List<NfrRequest> pageWithStatus(NfrRequest.Status status, long afterId, int limit) {
        return db.sql("select " + COLUMNS + " from nfr_requests where status = ? and id > ? order by id limit ?")
                .params(status.code(), afterId, limit).query(this::map).list();
    }

    /** PO-3: users asked for in eligible requests not yet fulfilled count against the allowance. */
    public int usersAwaitingFulfilment(long organizationId) {
        return db.sql("select coalesce(sum(users), 0) from nfr_requests where organization_id = ? and status = 'awaiting_fulfilment'")
                .param(organizationId).query(Integer.class).single();
    }

    /** Who asked for the license (by request or exception), to be told of its renewal. */
    public Optional<Long> submitterOfLicense(long licenseId) {
        return db.sql("select submitter_id from nfr_requests where nfr_license_id = ? order by id desc limit 1").param(licenseId)
                .query(Long.class).optional();
    }

    private String write(NfrEligibility eligibility) {
        List<Map<String, Object>> requirements = new ArrayList<>();
        for (NfrEligibility.Requirement r : eligibility.requirements()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("code", r.code());
            row.put("met", r.met());
            row.put("fact", r.fact());
            row.put("how_to_meet", r.howToMeet());
            requirements.add(row);
        }
        return json.writeValueAsString(Map.of("requirements", requirements));
    }

    private NfrEligibility read(String stored) {
        List<NfrEligibility.Requirement> requirements = new ArrayList<>();
        for (JsonNode r : json.readTree(stored).get("requirements")) {
            JsonNode how = r.get("how_to_meet");
            requirements.add(new NfrEligibility.Requirement(r.get("code").stringValue(), r.get("met").booleanValue(),
                    r.get("fact").stringValue(), how == null || how.isNull() ? null : how.stringValue()));
        }
        return new NfrEligibility(requirements);
    }

    private NfrRequest map(ResultSet rs, int row) throws SQLException {
        return new NfrRequest(rs.getLong("id"), rs.getLong("organization_id"), rs.getLong("submitter_id"),
                Plan.fromCode(rs.getString("plan")).orElseThrow(), rs.getInt("users"), rs.getString("deployment"),
                rs.getString("comment"), NfrRequest.Status.fromCode(rs.getString("status")), read(rs.getString("eligibility")),
                (Long) rs.getObject("nfr_license_id"), (Long) rs.getObject("fulfilled_by"),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
    }
}
