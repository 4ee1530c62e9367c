package org.partnerdesk.partnerops.billing.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.partnerdesk.partnerops.BillingAccount;
import org.partnerdesk.partnerops.Transition;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The billing_accounts table and its audits (PO-5). */
@Repository
public class StoredBillingAccounts {

    private static final String COLUMNS = "id, organization_id, entity_name, contact_user_id, contact_name, contact_email, "
            + "contact_address, status, ticket_id, requested_by, created_by, provisioning_at, activates_at, activated_at, "
            + "created_at, updated_at";

    private final JdbcClient db;

    StoredBillingAccounts(JdbcClient db) {
        this.db = db;
    }

    public BillingAccount insert(BillingAccount account) {
        long id = db.sql("""
                        insert into billing_accounts (organization_id, entity_name, contact_user_id, contact_name, contact_email,
                                                      contact_address, status, requested_by, created_at, updated_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(account.organizationId(), account.entityName(), account.contact().userId(), account.contact().name(),
                        account.contact().email(), account.contact().address(), account.status().code(), account.requestedBy(),
                        Timestamp.from(account.createdAt()), Timestamp.from(account.updatedAt()))
                .query(Long.class).single();
        return find(id).orElseThrow();
    }

    public BillingAccount update(BillingAccount account) {
        db.sql("""
                        update billing_accounts set status = ?, ticket_id = ?, created_by = ?, provisioning_at = ?, activates_at = ?,
                                                    activated_at = ?, updated_at = ?
                        where id = ?""")
                .params(account.status().code(), account.ticketId(), account.createdBy(), timestamp(account.provisioningAt()),
                        timestamp(account.activatesAt()), timestamp(account.activatedAt()), Timestamp.from(account.updatedAt()),
                        account.id())
                .update();
        return find(account.id()).orElseThrow();
    }

    public Optional<BillingAccount> find(long id) {
        return db.sql("select " + COLUMNS + " from billing_accounts where id = ?").param(id)
                .query(StoredBillingAccounts::map).optional();
    }

    /** For update: a transition waits for a concurrent one and then sees its result. */
    public Optional<BillingAccount> lock(long id) {
        return db.sql("select " + COLUMNS + " from billing_accounts where id = ? for update").param(id)
                .query(StoredBillingAccounts::map).optional();
    }

    /** A page in id order, of one organization or all, of every status or only the accounts available for quoting. */
    public List<BillingAccount> page(@Nullable Long organizationId, boolean onlyQuotable, long afterId, int limit) {
        String where = "id > :after" + (organizationId == null ? "" : " and organization_id = :organization")
                + (onlyQuotable ? " and status = 'active'" : "");
        var statement = db.sql("select " + COLUMNS + " from billing_accounts where " + where + " order by id limit :limit")
                .param("after", afterId).param("limit", limit);
        if (organizationId != null) {
            statement = statement.param("organization", organizationId);
        }
        return statement.query(StoredBillingAccounts::map).list();
    }

    /** #16: one state's accounts (or all) in id order; billing_accounts_status (V89) serves the state's. */
    public List<BillingAccount> inStatus(BillingAccount.@Nullable Status status, long afterId, int limit) {
        if (status == null) {
            return db.sql("select " + COLUMNS + " from billing_accounts where id > ? order by id limit ?").params(afterId, limit)
                    .query(StoredBillingAccounts::map).list();
        }
        return db.sql("select " + COLUMNS + " from billing_accounts where status = ? and id > ? order by id limit ?")
                .params(status.code(), afterId, limit).query(StoredBillingAccounts::map).list();
    }

    public void audit(long accountId, @Nullable Long authorId, String status, @Nullable String previousStatus,
                      @Nullable String note, Instant at) {
        db.sql("""
                        insert into billing_account_audits (billing_account_id, author_id, status, previous_status, note, created_at)
                        values (?, ?, ?, ?, ?, ?)""")
                .params(accountId, authorId, status, previousStatus, note, Timestamp.from(at)).update();
    }

    public List<Transition> audits(long accountId, long afterId, int limit) {
        return db.sql("""
                        select id, billing_account_id, author_id, status, previous_status, note, created_at
                        from billing_account_audits where billing_account_id = ? and id > ? order by id limit ?""")
                .params(accountId, afterId, limit)
                .query((rs, row) -> new Transition(rs.getLong("id"), Transition.BILLING_ACCOUNT, rs.getLong("billing_account_id"),
                        (Long) rs.getObject("author_id"), rs.getString("previous_status"), rs.getString("status"),
                        rs.getString("note"), rs.getTimestamp("created_at").toInstant()))
                .list();
    }

    private static @Nullable Timestamp timestamp(@Nullable Instant at) {
        return at == null ? null : Timestamp.from(at);
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp at = rs.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }

    private static BillingAccount map(ResultSet rs, int row) throws SQLException {
        return new BillingAccount(rs.getLong("id"), rs.getLong("organization_id"), rs.getString("entity_name"),
                new BillingAccount.Contact(rs.getLong("contact_user_id"), rs.getString("contact_name"), rs.getString("contact_email"),
                        rs.getString("contact_address")),
                BillingAccount.Status.fromCode(rs.getString("status")).orElseThrow(), (Long) rs.getObject("ticket_id"),
                rs.getLong("requested_by"), (Long) rs.getObject("created_by"), instant(rs, "provisioning_at"),
                instant(rs, "activates_at"), instant(rs, "activated_at"), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }
}
