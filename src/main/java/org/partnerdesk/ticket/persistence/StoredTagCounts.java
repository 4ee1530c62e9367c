package org.partnerdesk.ticket.persistence;

import java.util.List;

import org.partnerdesk.ticket.TagCount;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Issue #17: how many tickets not deleted carry each tag, kept by the V97 trigger on tickets. */
@Repository
public class StoredTagCounts {

    private final JdbcClient db;

    StoredTagCounts(JdbcClient db) {
        this.db = db;
    }

    public List<TagCount> mostUsed(int limit) {
        return db.sql("select name, count from ticket_tag_counts where count > 0 order by count desc, name limit ?")
                .param(limit).query(TagCount.class).list();
    }
}
