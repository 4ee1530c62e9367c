package org.partnerdesk.directory.persistence;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.partnerdesk.directory.OrganizationDetails;
import org.partnerdesk.directory.Organization;
import org.partnerdesk.directory.OrganizationType;
import org.partnerdesk.directory.PartnerTrack;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The organizations table. */
@Repository
public class StoredOrganizations {

    static final String COLUMNS = """
            id, name, external_id, org_type, partner_track, track_compliant, parent_company, notes,
            domain_names, shared_tickets, special_process, chat_webhook_url, created_at, updated_at""";

    private final JdbcClient db;

    StoredOrganizations(JdbcClient db) {
        this.db = db;
    }


    public Organization insert(OrganizationDetails v) {
        return db.sql("insert into organizations (name, external_id, org_type, partner_track, track_compliant, parent_company,"
                        + " notes, domain_names, shared_tickets, special_process, chat_webhook_url) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning " + COLUMNS)
                .params(v.name(), v.externalId(), v.type().code(), v.track() == null ? null : v.track().code(),
                        v.trackCompliant(), v.parentCompany(), v.notes(), v.domainNames().toArray(String[]::new), v.sharesTickets(),
                        v.specialProcess(), v.chatWebhookUrl())
                .query(StoredOrganizations::map).single();
    }

    public Organization update(long id, OrganizationDetails v) {
        return db.sql("update organizations set name = ?, external_id = ?, org_type = ?, partner_track = ?, track_compliant = ?,"
                        + " parent_company = ?, notes = ?, domain_names = ?, shared_tickets = ?, special_process = ?, chat_webhook_url = ?,"
                        + " updated_at = now()"
                        + " where id = ? returning " + COLUMNS)
                .params(v.name(), v.externalId(), v.type().code(), v.track() == null ? null : v.track().code(),
                        v.trackCompliant(), v.parentCompany(), v.notes(), v.domainNames().toArray(String[]::new),
                        v.sharesTickets(), v.specialProcess(), v.chatWebhookUrl(), id)
                .query(StoredOrganizations::map).single();
    }

    public Optional<Organization> find(long id) {
        return db.sql("select " + COLUMNS + " from organizations where id = ?").param(id).query(StoredOrganizations::map).optional();
    }

    /** Locks the row for the rest of the transaction, so membership checks and type changes cannot interleave. */
    public Optional<Organization> findForUpdate(long id) {
        return db.sql("select " + COLUMNS + " from organizations where id = ? for update").param(id)
                .query(StoredOrganizations::map).optional();
    }

    public List<Organization> findAll(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return db.sql("select " + COLUMNS + " from organizations where id = any(?) order by id")
                .param(ids.toArray(Long[]::new)).query(StoredOrganizations::map).list();
    }

    public Optional<Organization> findByName(String name) {
        return db.sql("select " + COLUMNS + " from organizations where lower(name) = lower(?)").param(name)
                .query(StoredOrganizations::map).optional();
    }

    public Optional<Organization> findByExternalId(String externalId) {
        return db.sql("select " + COLUMNS + " from organizations where external_id = ?").param(externalId)
                .query(StoredOrganizations::map).optional();
    }

    /** Organizations that claim an e-mail domain (DIR-3 looks here for a contact without a membership). */
    public List<Organization> claimingDomain(String domain) {
        return claimingAnyDomain(List.of(domain));
    }

    public Optional<org.partnerdesk.directory.SpecialProcess> specialProcessOfPartnerMember(long userId) {
        return db.sql("select o.name, o.special_process from organization_memberships m join organizations o on o.id = m.organization_id"
                        + " where m.user_id = ? and o.org_type = 'partner' and o.special_process is not null")
                .param(userId)
                .query((rs, n) -> new org.partnerdesk.directory.SpecialProcess(rs.getString(1), rs.getString(2)))
                .optional();
    }

    public List<Organization> page(long afterId, int limit) {
        return db.sql("select " + COLUMNS + " from organizations where id > ? order by id limit ?")
                .params(afterId, limit).query(StoredOrganizations::map).list();
    }

    private static final String NAME_KEY = "lower(name) collate \"C\"";

    /**
     * UI-1 (#16): organizations in name order after ({@code afterKey}, {@code afterId}) (none on the first page) whose name
     * begins with {@code prefix} (lower case, empty for any name; null for none) or that claim {@code domain} (null for
     * none). The name index serves the order, the prefix range and the keyset; the domain branch is the GIN index's rows.
     */
    public List<Organization> byName(@Nullable String prefix, @Nullable String domain, @Nullable String afterKey, long afterId, int limit) {
        List<String> branches = new java.util.ArrayList<>();
        List<Object> params = new java.util.ArrayList<>();
        // the keyset only after the first page: with ('', 0) the index scan starts at the first name, not at the prefix
        String keyset = afterKey == null ? "" : " and (" + NAME_KEY + ", id) > (?, ?)";
        if (prefix != null) {
            branches.add("select " + COLUMNS + ", " + NAME_KEY + " as sort_key from organizations where true" + keyset
                    + (prefix.isEmpty() ? "" : " and " + NAME_KEY + " >= ? and " + NAME_KEY + " < ?")
                    + " order by " + NAME_KEY + ", id limit ?");
            if (afterKey != null) {
                params.addAll(List.of(afterKey, afterId));
            }
            if (!prefix.isEmpty()) {
                params.addAll(List.of(prefix, NamePrefix.upperBound(prefix)));
            }
            params.add(limit);
        }
        if (domain != null) {
            // DIR-1: a domain names one organization, so no order or limit here: either would walk the name index instead
            // (measured: 674 ms among 100k partners, against a bitmap read of the GIN index's one row)
            branches.add("select " + COLUMNS + ", " + NAME_KEY + " as sort_key from organizations where domain_names @> array[?]::text[]" + keyset);
            params.add(domain);
            if (afterKey != null) {
                params.addAll(List.of(afterKey, afterId));
            }
        }
        if (branches.isEmpty()) {
            return List.of();
        }
        params.add(limit);
        return db.sql("select * from ((" + String.join(") union (", branches) + ")) found order by sort_key, id limit ?")
                .params(params).query(StoredOrganizations::map).list();
    }

    public long memberCount(long organizationId) {
        return db.sql("select count(*) from organization_memberships where organization_id = ?").param(organizationId)
                .query(Long.class).single();
    }

    /** PO-5: partner organizations whose parent company, or whose own name, is this company name (case-insensitive). */
    public List<Organization> partnersOfParentCompany(String company) {
        return db.sql("select " + COLUMNS + " from organizations where org_type = 'partner'"
                        + " and (lower(parent_company) = lower(?) or lower(name) = lower(?)) order by id")
                .params(company, company).query(StoredOrganizations::map).list();
    }

    /** DIR-7 import: the organizations a chunk of CRM rows names, by external id or name (none for contacts), locked for the import's transaction. */
    public List<Organization> lockByExternalIdsOrNames(List<String> externalIds, List<String> names) {
        return db.sql("select " + COLUMNS + " from organizations where external_id = any(?) or lower(name) = any(?) order by id for update")
                .params(externalIds.toArray(String[]::new), names.stream().map(String::toLowerCase).toArray(String[]::new))
                .query(StoredOrganizations::map).list();
    }

    public List<Organization> lockAll(List<Long> ids) {
        return db.sql("select " + COLUMNS + " from organizations where id = any(?) order by id for update")
                .param(ids.toArray(Long[]::new)).query(StoredOrganizations::map).list();
    }

    /** DIR-1: holds these domains for the transaction, so two writes cannot both give one domain to different organizations. */
    public void lockDomains(List<String> domains) {
        domains.stream().map(String::toLowerCase).sorted().distinct().forEach(domain ->
                db.sql("select pg_advisory_xact_lock(hashtext('organization-domain:' || ?))").param(domain).query((rs, n) -> 1).list());
    }

    /**
     * The customer e-mail domains nearest to {@code domain} by trigram distance, closest first, at most {@code limit} (the
     * portal's typo hint): a walk of V104's GiST index, however many customers the desk has.
     */
    public List<String> customerDomainsNearest(String domain, int limit) {
        return db.sql("select domain from (select distinct on (domain) domain, domain <-> :typed as distance from"
                        + " (select domain from customer_domains order by domain <-> :typed limit :limit) nearest) d"
                        + " order by distance, domain")
                .param("typed", domain).param("limit", limit).query(String.class).list();
    }

    /** Organizations that claim any of these e-mail domains: {@link #claimingDomain} for a whole chunk of an import. */
    public List<Organization> claimingAnyDomain(List<String> domains) {
        return db.sql("select " + COLUMNS + " from organizations where domain_names && ?::text[] order by id")
                .param(domains.stream().map(String::toLowerCase).toArray(String[]::new)).query(StoredOrganizations::map).list();
    }

    /** DIR-7 import: many organizations in one statement; they come back in no particular order. */
    public List<Organization> insertAll(List<OrganizationDetails> values) {
        if (values.isEmpty()) {
            return List.of();
        }
        return db.sql("insert into organizations (name, external_id, org_type, partner_track, track_compliant, parent_company,"
                        + " notes, domain_names, shared_tickets, special_process, chat_webhook_url)"
                        + " select name, external_id, org_type, partner_track, track_compliant, parent_company, notes,"
                        + " string_to_array(domains, ' '), shared_tickets, special_process, chat_webhook_url"
                        + " from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::boolean[], ?::text[], ?::text[], ?::text[],"
                        + " ?::boolean[], ?::text[], ?::text[])"
                        + " v(name, external_id, org_type, partner_track, track_compliant, parent_company, notes, domains,"
                        + " shared_tickets, special_process, chat_webhook_url)"
                        + " returning " + COLUMNS)
                .params(columns(values)).query(StoredOrganizations::map).list();
    }

    /** Issue #17 item 3: ids for a batch of new organizations, taken from the organizations' own sequence in one statement. */
    public List<Long> reserveIds(int count) {
        return db.sql("select nextval(pg_get_serial_sequence('organizations', 'id')) from generate_series(1, ?)").param(count)
                .query(Long.class).list();
    }

    /** Issue #17 item 3: many organizations in one statement, under the ids {@link #reserveIds} gave them. */
    public void insertWithIds(Map<Long, OrganizationDetails> values) {
        if (values.isEmpty()) {
            return;
        }
        Object[] params = keyedColumns(values);
        db.sql("insert into organizations (id, name, external_id, org_type, partner_track, track_compliant, parent_company,"
                        + " notes, domain_names, shared_tickets, special_process, chat_webhook_url)"
                        + " select id, name, external_id, org_type, partner_track, track_compliant, parent_company, notes,"
                        + " string_to_array(domains, ' '), shared_tickets, special_process, chat_webhook_url"
                        + " from unnest(?::bigint[], ?::text[], ?::text[], ?::text[], ?::text[], ?::boolean[], ?::text[], ?::text[], ?::text[],"
                        + " ?::boolean[], ?::text[], ?::text[])"
                        + " v(id, name, external_id, org_type, partner_track, track_compliant, parent_company, notes, domains,"
                        + " shared_tickets, special_process, chat_webhook_url)")
                .params(params).update();
    }

    /** DIR-7 import: many organizations changed in one statement. */
    public void updateAll(Map<Long, OrganizationDetails> values) {
        if (values.isEmpty()) {
            return;
        }
        Object[] params = keyedColumns(values);
        db.sql("update organizations o set name = v.name, external_id = v.external_id, org_type = v.org_type,"
                        + " partner_track = v.partner_track, track_compliant = v.track_compliant, parent_company = v.parent_company,"
                        + " notes = v.notes, domain_names = string_to_array(v.domains, ' '), shared_tickets = v.shared_tickets,"
                        + " special_process = v.special_process, chat_webhook_url = v.chat_webhook_url, updated_at = now()"
                        + " from unnest(?::bigint[], ?::text[], ?::text[], ?::text[], ?::text[], ?::boolean[], ?::text[], ?::text[], ?::text[],"
                        + " ?::boolean[], ?::text[], ?::text[])"
                        + " v(id, name, external_id, org_type, partner_track, track_compliant, parent_company, notes, domains,"
                        + " shared_tickets, special_process, chat_webhook_url)"
                        + " where o.id = v.id")
                .params(params).update();
    }

    // domain names hold no spaces, so one space-separated text per row stands in for a text[] (unnest flattens arrays of arrays)
    /** The ids, then {@link #columns} of their values, in one order: the parameters of a keyed {@code unnest}. */
    private static Object[] keyedColumns(Map<Long, OrganizationDetails> values) {
        List<Map.Entry<Long, OrganizationDetails>> rows = List.copyOf(values.entrySet());
        Object[] columns = columns(rows.stream().map(Map.Entry::getValue).toList());
        Object[] params = new Object[columns.length + 1];
        params[0] = rows.stream().map(Map.Entry::getKey).toArray(Long[]::new);
        System.arraycopy(columns, 0, params, 1, columns.length);
        return params;
    }

    private static Object[] columns(List<OrganizationDetails> values) {
        return new Object[] {
                values.stream().map(OrganizationDetails::name).toArray(String[]::new),
                values.stream().map(OrganizationDetails::externalId).toArray(String[]::new),
                values.stream().map(v -> v.type().code()).toArray(String[]::new),
                values.stream().map(v -> v.track() == null ? null : v.track().code()).toArray(String[]::new),
                values.stream().map(OrganizationDetails::trackCompliant).toArray(Boolean[]::new),
                values.stream().map(OrganizationDetails::parentCompany).toArray(String[]::new),
                values.stream().map(OrganizationDetails::notes).toArray(String[]::new),
                values.stream().map(v -> String.join(" ", v.domainNames())).toArray(String[]::new),
                values.stream().map(OrganizationDetails::sharesTickets).toArray(Boolean[]::new),
                values.stream().map(OrganizationDetails::specialProcess).toArray(String[]::new),
                values.stream().map(OrganizationDetails::chatWebhookUrl).toArray(String[]::new)};
    }

    static Organization map(ResultSet rs, int row) throws SQLException {
        String track = rs.getString("partner_track");
        return new Organization(rs.getLong("id"), rs.getString("name"), rs.getString("external_id"),
                OrganizationType.fromCode(rs.getString("org_type")).orElseThrow(),
                track == null ? null : PartnerTrack.fromCode(track).orElseThrow(),
                rs.getBoolean("track_compliant"), rs.getString("parent_company"), rs.getString("notes"),
                texts(rs.getArray("domain_names")), rs.getBoolean("shared_tickets"),
                rs.getString("special_process"), rs.getString("chat_webhook_url"),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
    }

    static List<String> texts(@Nullable Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
