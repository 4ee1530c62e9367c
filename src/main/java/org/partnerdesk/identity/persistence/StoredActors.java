package org.partnerdesk.identity.persistence;

import java.util.Optional;

import org.partnerdesk.api.Actor;
import org.partnerdesk.api.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Users as the sign-ins see them: an active user by e-mail, read as the token lookup reads its holder. */
@Repository
public class StoredActors {

    private final JdbcClient db;

    StoredActors(JdbcClient db) {
        this.db = db;
    }

    /** The active user with this e-mail (any case), with organization and groups; whether or not it has a password. */
    public Optional<Actor> activeByEmail(String email) {
        return db.sql("""
                        select u.id, u.email, u.role, m.organization_id,
                               array(select g.name from group_memberships gm join groups g on g.id = gm.group_id
                                      where gm.user_id = u.id) as groups
                          from users u
                          left join organization_memberships m on m.user_id = u.id
                         where lower(u.email) = lower(?) and u.active""")
                .param(email)
                .query((rs, n) -> new Actor(rs.getLong(1), rs.getString(2), Role.fromCode(rs.getString(3)).orElseThrow(),
                        (Long) rs.getObject(4), StoredApiTokens.groups(rs.getArray(5))))
                .optional();
    }
}
