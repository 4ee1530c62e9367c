package org.partnerdesk.identity.persistence;

import java.sql.Array;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.partnerdesk.api.Actor;
import org.partnerdesk.api.Role;
import org.partnerdesk.identity.ApiTokens.TokenInfo;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The api_tokens table (API-2): tokens by their SHA-256, never in plain. */
@Repository
public class StoredApiTokens {

    private final JdbcClient db;

    StoredApiTokens(JdbcClient db) {
        this.db = db;
    }

    /** Stores a token's hash; storing the same hash again only changes its description. */
    public TokenInfo insert(long userId, byte[] tokenHash, String description) {
        return db.sql("insert into api_tokens (user_id, token_hash, description) values (?, ?, ?)"
                        + " on conflict (token_hash) do update set description = excluded.description"
                        + " returning id, user_id, description, created_at")
                .params(userId, tokenHash, description)
                .query((rs, n) -> new TokenInfo(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getTimestamp(4).toInstant()))
                .single();
    }

    public List<TokenInfo> ofUser(long userId) {
        return db.sql("select id, user_id, description, created_at from api_tokens where user_id = ? order by id")
                .param(userId)
                .query((rs, n) -> new TokenInfo(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getTimestamp(4).toInstant()))
                .list();
    }

    /** Newest first: {@code afterId} 0 starts at the newest, else the page goes on below that id. */
    public List<TokenInfo> page(long afterId, int limit) {
        return db.sql("select id, user_id, description, created_at from api_tokens where ? = 0 or id < ? order by id desc limit ?")
                .params(afterId, afterId, limit)
                .query((rs, n) -> new TokenInfo(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getTimestamp(4).toInstant()))
                .list();
    }

    public Optional<Long> owner(long tokenId) {
        return db.sql("select user_id from api_tokens where id = ?").param(tokenId).query(Long.class).optional();
    }

    public void delete(long tokenId) {
        db.sql("delete from api_tokens where id = ?").param(tokenId).update();
    }

    /** Issue #18: nodes starting together set the start-up admin one after the other (held until the transaction ends). */
    public void lockStartupAdmin() {
        db.sql("select pg_advisory_xact_lock(hashtext('partnerdesk.startup-admin'))").query((rs, n) -> 1).list();
    }

    public void deleteByDescription(long userId, String description) {
        db.sql("delete from api_tokens where user_id = ? and description = ?").params(userId, description).update();
    }

    /**
     * Who holds the token with this hash, in one query with the user's organization and groups. It reads the directory's
     * tables directly because it runs on every request.
     */
    public Optional<Actor> holder(byte[] tokenHash) {
        return db.sql("""
                        select u.id, u.email, u.role, m.organization_id,
                               array(select g.name from group_memberships gm join groups g on g.id = gm.group_id
                                      where gm.user_id = u.id) as groups
                          from api_tokens t
                          join users u on u.id = t.user_id and u.active
                          left join organization_memberships m on m.user_id = u.id
                         where t.token_hash = ?""")
                .param(tokenHash)
                .query((rs, n) -> new Actor(rs.getLong(1), rs.getString(2), Role.fromCode(rs.getString(3)).orElseThrow(),
                        (Long) rs.getObject(4), groups(rs.getArray(5))))
                .optional();
    }

    // the groups column of an actor query; password sign-in reads actors the same way
    static Set<String> groups(Array array) throws SQLException {
        return Set.of((String[]) array.getArray());
    }
}
