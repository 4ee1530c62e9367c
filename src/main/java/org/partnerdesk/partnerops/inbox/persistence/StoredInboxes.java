package org.partnerdesk.partnerops.inbox.persistence;

import org.partnerdesk.partnerops.InboxCounts;
import org.partnerdesk.partnerops.nfr.persistence.StoredNfrExceptions;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The inboxes of partner operations counted in one statement, each from its own index (V40, V87). */
@Repository
public class StoredInboxes {

    private static final String COUNTS = """
            select (select count(*) from partner_applications where status = 'in_review') as applications,
                   (select count(*) from portal_access_requests where status = 'pending') as access_requests,
                   (select count(*) from nfr_requests where status = 'awaiting_fulfilment') as nfr_requests,
                   (select count(*) from nfr_exceptions e where %s) as exceptions_awaiting_me,
                   (select count(*) from nfr_exceptions where status = 'approved') as exceptions_to_fulfil,
                   (select count(*) from billing_accounts where status = 'requested') as billing_accounts
            """.formatted(StoredNfrExceptions.AWAITING_DECISION_OF_ME);

    private final JdbcClient db;

    StoredInboxes(JdbcClient db) {
        this.db = db;
    }

    public InboxCounts counts(long userId, boolean channelDirector, boolean programsDirector) {
        return db.sql(COUNTS).param("me", userId).param("channelDirector", channelDirector).param("programsDirector", programsDirector)
                .query((rs, row) -> new InboxCounts(rs.getLong("applications"), rs.getLong("access_requests"), rs.getLong("nfr_requests"),
                        rs.getLong("exceptions_awaiting_me"), rs.getLong("exceptions_to_fulfil"), rs.getLong("billing_accounts")))
                .single();
    }
}
