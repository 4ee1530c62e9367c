package org.partnerdesk.partnerops.signup.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.partnerdesk.partnerops.PartnerApplication;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The partner_applications table (PO-1). */
@Repository
public class StoredApplications {

    private static final String COLUMNS = "id, company, parent_company, contact_name, contact_email, authorized_signatory, agreement, "
            + "questions, channel, manual_reason, status, organization_id, user_id, ticket_id, decided_by, decision_reason, "
            + "created_at, updated_at";

    private final JdbcClient db;

    StoredApplications(JdbcClient db) {
        this.db = db;
    }

    /** What the applicant (or Partner Operations, by hand) sent. */
    public record Draft(String company, @Nullable String parentCompany, String contactName, String contactEmail,
                        boolean authorizedSignatory, PartnerApplication.Agreement agreement, @Nullable String questions,
                        PartnerApplication.Channel channel,
                        @Nullable String manualReason) {
    }

    public PartnerApplication insert(Draft d, PartnerApplication.Status status, Instant now) {
        return db.sql("insert into partner_applications (company, parent_company, contact_name, contact_email, authorized_signatory,"
                        + " agreement, questions, channel, manual_reason, status, created_at, updated_at)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning " + COLUMNS)
                .params(d.company(), d.parentCompany(), d.contactName(), d.contactEmail(), d.authorizedSignatory(), d.agreement().code(),
                        d.questions(), d.channel().code(), d.manualReason(), status.code(), Timestamp.from(now), Timestamp.from(now))
                .query(StoredApplications::map).single();
    }

    /** Records what the application led to: organization, user, ticket, and who decided why. */
    public PartnerApplication update(long id, PartnerApplication.Status status, @Nullable Long organizationId, @Nullable Long userId,
                                     @Nullable Long ticketId, @Nullable Long decidedBy, @Nullable String decisionReason, Instant now) {
        return db.sql("update partner_applications set status = ?, organization_id = ?, user_id = ?, ticket_id = ?, decided_by = ?,"
                        + " decision_reason = ?, updated_at = ? where id = ? returning " + COLUMNS)
                .params(status.code(), organizationId, userId, ticketId, decidedBy, decisionReason, Timestamp.from(now), id)
                .query(StoredApplications::map).single();
    }

    public Optional<PartnerApplication> find(long id) {
        return db.sql("select " + COLUMNS + " from partner_applications where id = ?").param(id)
                .query(StoredApplications::map).optional();
    }

    /** For update: two decisions on one application wait for each other, and the second sees the first. */
    public Optional<PartnerApplication> lock(long id) {
        return db.sql("select " + COLUMNS + " from partner_applications where id = ? for update").param(id)
                .query(StoredApplications::map).optional();
    }

    public List<PartnerApplication> page(Set<PartnerApplication.Status> statuses, long afterId, int limit) {
        if (statuses.size() == 1) { // UI-1 inboxes: one status walks (status, id) in order; any(?) would sort every row of it
            return db.sql("select " + COLUMNS + " from partner_applications where status = ? and id > ? order by id limit ?")
                    .params(statuses.iterator().next().code(), afterId, limit).query(StoredApplications::map).list();
        }
        return db.sql("select " + COLUMNS + " from partner_applications where status = any(?) and id > ? order by id limit ?")
                .params(codes(statuses), afterId, limit).query(StoredApplications::map).list();
    }

    private static String[] codes(Set<PartnerApplication.Status> statuses) {
        return statuses.stream().map(PartnerApplication.Status::code).toArray(String[]::new);
    }

    private static PartnerApplication map(ResultSet rs, int row) throws SQLException {
        return new PartnerApplication(rs.getLong("id"), rs.getString("company"), rs.getString("parent_company"),
                rs.getString("contact_name"), rs.getString("contact_email"), rs.getBoolean("authorized_signatory"),
                PartnerApplication.Agreement.fromCode(rs.getString("agreement")), rs.getString("questions"),
                PartnerApplication.Channel.fromCode(rs.getString("channel")), rs.getString("manual_reason"),
                PartnerApplication.Status.fromCode(rs.getString("status")), (Long) rs.getObject("organization_id"), (Long) rs.getObject("user_id"),
                (Long) rs.getObject("ticket_id"), (Long) rs.getObject("decided_by"), rs.getString("decision_reason"),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
    }
}
