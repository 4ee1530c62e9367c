package org.partnerdesk.directory.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.partnerdesk.directory.SubscriptionTerms;
import org.partnerdesk.directory.Plan;
import org.partnerdesk.directory.Subscription;
import org.partnerdesk.directory.Term;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The subscriptions table (DIR-5). */
@Repository
public class StoredSubscriptions {

    private static final String COLUMNS = """
            id, organization_id, plan, seats, starts_on, ends_on, purchased_through_organization_id, created_at, updated_at""";

    private final JdbcClient db;

    StoredSubscriptions(JdbcClient db) {
        this.db = db;
    }


    public Subscription insert(SubscriptionTerms v) {
        return db.sql("insert into subscriptions (organization_id, plan, seats, starts_on, ends_on, purchased_through_organization_id)"
                        + " values (?, ?, ?, ?, ?, ?) returning " + COLUMNS)
                .params(v.organizationId(), v.plan().code(), v.seats(), v.term().startsOn(), v.term().endsOn(),
                        v.purchasedThroughOrganizationId())
                .query(StoredSubscriptions::map).single();
    }

    public Subscription update(long id, SubscriptionTerms v) {
        return db.sql("update subscriptions set organization_id = ?, plan = ?, seats = ?, starts_on = ?, ends_on = ?,"
                        + " purchased_through_organization_id = ?, updated_at = now() where id = ? returning " + COLUMNS)
                .params(v.organizationId(), v.plan().code(), v.seats(), v.term().startsOn(), v.term().endsOn(),
                        v.purchasedThroughOrganizationId(), id)
                .query(StoredSubscriptions::map).single();
    }

    public Optional<Subscription> find(long id) {
        return db.sql("select " + COLUMNS + " from subscriptions where id = ?").param(id)
                .query(StoredSubscriptions::map).optional();
    }

    public Optional<Subscription> findForUpdate(long id) {
        return db.sql("select " + COLUMNS + " from subscriptions where id = ? for update").param(id)
                .query(StoredSubscriptions::map).optional();
    }

    public List<Subscription> page(long afterId, int limit, @Nullable Long organizationId) {
        return db.sql("select " + COLUMNS + " from subscriptions where id > ? and (cast(? as bigint) is null or organization_id = ?)"
                        + " order by id limit ?")
                .params(afterId, organizationId, organizationId, limit).query(StoredSubscriptions::map).list();
    }

    public List<Subscription> ofOrganization(long organizationId) {
        return db.sql("select " + COLUMNS + " from subscriptions where organization_id = ? order by id").param(organizationId)
                .query(StoredSubscriptions::map).list();
    }

    /** Whether any subscription names this organization as the partner it was bought through. */
    public boolean anyPurchasedThrough(long organizationId) {
        return db.sql("select exists (select 1 from subscriptions where purchased_through_organization_id = ?)")
                .param(organizationId).query(Boolean.class).single();
    }

    private static Subscription map(ResultSet rs, int row) throws SQLException {
        return new Subscription(rs.getLong("id"), rs.getLong("organization_id"), Plan.fromCode(rs.getString("plan")).orElseThrow(),
                rs.getInt("seats"), new Term(rs.getObject("starts_on", LocalDate.class), rs.getObject("ends_on", LocalDate.class)),
                (Long) rs.getObject("purchased_through_organization_id"),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
    }
}
