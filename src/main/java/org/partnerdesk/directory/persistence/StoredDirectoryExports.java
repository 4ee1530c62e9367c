package org.partnerdesk.directory.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.partnerdesk.api.IncrementalExport.Position;
import org.partnerdesk.directory.Organization;
import org.partnerdesk.directory.User;
import org.partnerdesk.database.LagTolerantReads;
import org.springframework.stereotype.Repository;

/** Issue #17: users and organizations in the order they changed, one index range scan per page (V96). */
@Repository
public class StoredDirectoryExports {

    private final LagTolerantReads db;

    // issue #18: an export runs behind the present by design (its end is a second ago), so the replica serves it
    StoredDirectoryExports(LagTolerantReads db) {
        this.db = db;
    }

    public List<User> usersChanged(Position after, Instant before, int limit) {
        return db.read(client -> client.sql(StoredUsers.SELECT
                        + " where (u.updated_at, u.id) > (?, ?) and u.updated_at < ? order by u.updated_at, u.id limit ?")
                .params(Timestamp.from(after.at()), after.id(), Timestamp.from(before), limit)
                .query(StoredUsers::map).list());
    }

    public List<Organization> organizationsChanged(Position after, Instant before, int limit) {
        return db.read(client -> client.sql("select " + StoredOrganizations.COLUMNS + " from organizations"
                        + " where (updated_at, id) > (?, ?) and updated_at < ? order by updated_at, id limit ?")
                .params(Timestamp.from(after.at()), after.id(), Timestamp.from(before), limit)
                .query(StoredOrganizations::map).list());
    }
}
