package org.partnerdesk.directory.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.partnerdesk.entitlement.NfrLicense;
import org.partnerdesk.entitlement.Organization;
import org.partnerdesk.entitlement.OrganizationType;
import org.partnerdesk.entitlement.PartnerTrack;
import org.partnerdesk.entitlement.Person;
import org.partnerdesk.entitlement.Plan;
import org.partnerdesk.entitlement.Subscription;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** People as an entitlement decision sees them: each user with its organization, subscriptions and NFR licenses, in one query. */
@Repository
public class StoredContacts {

    private static final String SELECT = """
            select u.id, u.email, u.name, o.id as org_id, o.name as org_name, o.org_type, o.partner_track, o.track_compliant,
                   (select coalesce(json_agg(json_build_array(s.id, s.plan, s.starts_on, s.ends_on, s.purchased_through_organization_id)), '[]')
                      from subscriptions s where s.organization_id = o.id)::text as subscriptions,
                   (select coalesce(json_agg(json_build_array(n.id, n.plan, n.users, n.starts_on, n.ends_on)), '[]')
                      from nfr_licenses n where n.organization_id = o.id)::text as licenses
              from users u
              left join organization_memberships m on m.user_id = u.id
              left join organizations o on o.id = m.organization_id
            """;

    private final JdbcClient db;
    private final JsonMapper json;

    StoredContacts(JdbcClient db, JsonMapper json) {
        this.db = db;
        this.json = json;
    }

    /** The user with this id and, when {@code email} (lower case) is given, the user with that e-mail. */
    public List<Person> withIdOrEmail(long userId, @Nullable String email) {
        // two statements, not "or lower(email) = null": a null parameter made PostgreSQL plan the query anew every time
        return email == null
                ? db.sql(SELECT + " where u.id = ?").param(userId).query(this::person).list()
                : db.sql(SELECT + " where u.id = ? or lower(u.email) = ?").params(userId, email).query(this::person).list();
    }

    private Person person(ResultSet rs, int row) throws SQLException {
        Organization organization = null;
        long orgId = rs.getLong("org_id");
        if (!rs.wasNull()) {
            String track = rs.getString("partner_track");
            organization = new Organization(orgId, rs.getString("org_name"),
                    OrganizationType.valueOf(rs.getString("org_type").toUpperCase(Locale.ROOT)),
                    track == null ? null : PartnerTrack.valueOf(track.toUpperCase(Locale.ROOT)),
                    rs.getBoolean("track_compliant"), subscriptions(rs.getString("subscriptions")),
                    licenses(rs.getString("licenses")));
        }
        return new Person(rs.getLong("id"), rs.getString("email"), rs.getString("name"), organization);
    }

    private List<Subscription> subscriptions(String rows) {
        List<Subscription> subscriptions = new ArrayList<>();
        for (JsonNode row : json.readTree(rows)) {
            subscriptions.add(new Subscription(row.get(0).longValue(), plan(row.get(1)),
                    LocalDate.parse(row.get(2).stringValue()), LocalDate.parse(row.get(3).stringValue()),
                    row.get(4).isNull() ? null : row.get(4).longValue()));
        }
        return subscriptions;
    }

    private List<NfrLicense> licenses(String rows) {
        List<NfrLicense> licenses = new ArrayList<>();
        for (JsonNode row : json.readTree(rows)) {
            licenses.add(new NfrLicense(row.get(0).longValue(), plan(row.get(1)), row.get(2).intValue(),
                    LocalDate.parse(row.get(3).stringValue()), LocalDate.parse(row.get(4).stringValue())));
        }
        return licenses;
    }

    private static Plan plan(JsonNode code) {
        return Plan.valueOf(code.stringValue().toUpperCase(Locale.ROOT));
    }
}
