package org.partnerdesk.mailbox.persistence;

import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The mailbox_messages table (PO-6): every message read, by Message-ID, with what became of it. */
@Repository
public class StoredMailboxMessages {

    private final JdbcClient db;

    StoredMailboxMessages(JdbcClient db) {
        this.db = db;
    }

    /**
     * Claims a message for this transaction: false when it was processed before. A node reading the same message at the
     * same time waits here for the first one's transaction, then is told it was processed.
     */
    public boolean claim(String messageId, String mailbox, @Nullable String sender) {
        return db.sql("""
                        insert into mailbox_messages (message_id, mailbox, sender, outcome) values (?, ?, ?, 'ignored')
                        on conflict (message_id) do nothing""")
                .params(messageId, mailbox, sender).update() == 1;
    }

    public void settle(String messageId, String outcome, @Nullable String reason, @Nullable Long ticketId) {
        db.sql("update mailbox_messages set outcome = ?, reason = ?, ticket_id = ? where message_id = ?")
                .params(outcome, reason, ticketId, messageId).update();
    }

    /** The ticket a message we received belongs to, for the first of these ids that we know. */
    public Optional<Long> ticketOfAny(List<String> messageIds) {
        if (messageIds.isEmpty()) {
            return Optional.empty();
        }
        return db.sql("select ticket_id from mailbox_messages where message_id in (:ids) and ticket_id is not null limit 1")
                .param("ids", messageIds).query(Long.class).optional();
    }
}
