package org.partnerdesk.notification.persistence;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.partnerdesk.notification.KeptMail;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The outgoing_mails table (issue #12): mail kept while no mail server is set, one row per Message-ID. */
@Repository
public class StoredOutgoingMails {

    private final JdbcClient db;

    StoredOutgoingMails(JdbcClient db) {
        this.db = db;
    }

    /** False when a mail with this Message-ID was kept before (an outbox retry of the same notification). */
    public boolean keep(String messageId, String from, List<String> to, List<String> cc, String subject, String body, String fileName) {
        return db.sql("""
                        insert into outgoing_mails (message_id, sender, recipients, cc, subject, body, file_name)
                        values (?, ?, ?, ?, ?, ?, ?) on conflict (message_id) do nothing""")
                .params(messageId, from, to.toArray(String[]::new), cc.toArray(String[]::new), subject, body, fileName)
                .update() == 1;
    }

    public List<KeptMail> page(long afterId, int limit) {
        return db.sql("select * from outgoing_mails where id > ? order by id limit ?")
                .params(afterId, limit).query(StoredOutgoingMails::mail).list();
    }

    public Optional<KeptMail> find(long id) {
        return db.sql("select * from outgoing_mails where id = ?").param(id).query(StoredOutgoingMails::mail).optional();
    }

    private static KeptMail mail(ResultSet rs, int row) throws SQLException {
        return new KeptMail(rs.getLong("id"), rs.getString("message_id"), rs.getString("sender"), strings(rs.getArray("recipients")),
                strings(rs.getArray("cc")), rs.getString("subject"), rs.getString("body"), rs.getString("file_name"),
                rs.getTimestamp("created_at").toInstant());
    }

    private static List<String> strings(Array array) throws SQLException {
        return Arrays.asList((String[]) array.getArray());
    }
}
