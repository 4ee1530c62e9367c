package org.partnerdesk.partnerops;

import org.partnerdesk.api.Actor;
import org.partnerdesk.directory.Groups;
import org.partnerdesk.partnerops.inbox.persistence.StoredInboxes;
import org.springframework.stereotype.Service;

/** UI-1 operations console: the partner-operations inboxes counted for one person, in one statement. */
@Service
public class Inboxes {

    private final StoredInboxes stored;

    Inboxes(StoredInboxes stored) {
        this.stored = stored;
    }

    /** Staff only, like every list the counts come from; "awaiting my decision" is this person's (PO-4). */
    public InboxCounts counts(Actor actor) {
        actor.requireStaff();
        return stored.counts(actor.userId(), actor.isMemberOf(Groups.CHANNEL_DIRECTORS), actor.isMemberOf(Groups.PROGRAMS_DIRECTORS));
    }
}
