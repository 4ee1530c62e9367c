package org.partnerdesk.console.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.partnerdesk.console.Presence;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The ticket_presence table (UI-1 collision): who was last seen on which ticket, and doing what. */
@Repository
public class StoredPresence {

    private final JdbcClient db;

    StoredPresence(JdbcClient db) {
        this.db = db;
    }

    public void seen(long ticketId, long userId, Presence.State state, Instant at) {
        db.sql("""
                        insert into ticket_presence (ticket_id, user_id, state, seen_at) values (?, ?, ?, ?)
                        on conflict (ticket_id, user_id) do update set state = excluded.state, seen_at = excluded.seen_at""")
                .params(ticketId, userId, state.code(), Timestamp.from(at))
                .update();
    }

    public void gone(long ticketId, long userId) {
        db.sql("delete from ticket_presence where ticket_id = ? and user_id = ?").params(ticketId, userId).update();
    }

    /**
     * Everyone seen on these tickets since {@code since}, by name, in one query. It reads the directory's users table
     * directly (as identity's token lookup does) because it runs for every change on a watched ticket, on every node.
     */
    public List<Presence.Present> seenSince(Collection<Long> ticketIds, Instant since) {
        return db.sql("""
                        select p.ticket_id, p.user_id, u.name, p.state from ticket_presence p join users u on u.id = p.user_id
                        where p.ticket_id = any(?) and p.seen_at > ? order by p.ticket_id, u.name, p.user_id""")
                .params(ticketIds.toArray(Long[]::new), Timestamp.from(since))
                .query((rs, n) -> new Presence.Present(rs.getLong(1), rs.getLong(2), rs.getString(3),
                        Presence.State.of(rs.getString(4))))
                .list();
    }

    public int forgetOlderThan(Instant cutoff) {
        return db.sql("delete from ticket_presence where seen_at < ?").param(Timestamp.from(cutoff)).update();
    }
}
