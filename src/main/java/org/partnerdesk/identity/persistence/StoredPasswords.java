package org.partnerdesk.identity.persistence;

import java.util.Optional;

import org.partnerdesk.api.Actor;
import org.partnerdesk.api.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The user_passwords table (API-2): one bcrypt hash per user. */
@Repository
public class StoredPasswords {

    private final JdbcClient db;

    StoredPasswords(JdbcClient db) {
        this.db = db;
    }

    /** An active user who has a password, read as the token lookup reads its holder, with the stored hash. */
    public record Credentials(Actor actor, String hash) {
    }

    public void save(long userId, String passwordHash) {
        db.sql("""
                        insert into user_passwords (user_id, password_hash) values (?, ?)
                        on conflict (user_id) do update set password_hash = excluded.password_hash, updated_at = now()""")
                .params(userId, passwordHash).update();
    }

    public Optional<Credentials> ofActiveUser(String email) {
        return db.sql("""
                        select u.id, u.email, u.role, m.organization_id, p.password_hash,
                               array(select g.name from group_memberships gm join groups g on g.id = gm.group_id
                                      where gm.user_id = u.id) as groups
                          from users u
                          join user_passwords p on p.user_id = u.id
                          left join organization_memberships m on m.user_id = u.id
                         where lower(u.email) = lower(?) and u.active""")
                .param(email)
                .query((rs, n) -> new Credentials(new Actor(rs.getLong(1), rs.getString(2), Role.fromCode(rs.getString(3)).orElseThrow(),
                        (Long) rs.getObject(4), StoredApiTokens.groups(rs.getArray(6))), rs.getString(5)))
                .optional();
    }
}
