package org.partnerdesk.directory;

import java.time.Clock;

import org.partnerdesk.api.Actor;
import org.partnerdesk.api.IncrementalExport;
import org.partnerdesk.api.IncrementalExport.Position;
import org.partnerdesk.directory.persistence.StoredDirectoryExports;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Issue #17, Zendesk's incremental exports of users and organizations: every one, for administrators only (as in Zendesk). */
@Service
public class DirectoryExports {

    private final StoredDirectoryExports stored;
    private final Clock clock;

    DirectoryExports(StoredDirectoryExports stored, Clock clock) {
        this.stored = stored;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public IncrementalExport.CursorPage<User> usersByCursor(Actor actor, IncrementalExport request) {
        actor.requireAdmin();
        return request.byCursor(clock, stored::usersChanged, u -> new Position(u.updatedAt(), u.id()));
    }

    @Transactional(readOnly = true)
    public IncrementalExport.TimePage<User> usersByTime(Actor actor, IncrementalExport request) {
        actor.requireAdmin();
        return request.withoutCursor().byTime(clock, stored::usersChanged, u -> new Position(u.updatedAt(), u.id()));
    }

    @Transactional(readOnly = true)
    public IncrementalExport.TimePage<Organization> organizationsByTime(Actor actor, IncrementalExport request) {
        actor.requireAdmin();
        return request.withoutCursor().byTime(clock, stored::organizationsChanged, o -> new Position(o.updatedAt(), o.id()));
    }
}
