package org.partnerdesk.partnerops;

import org.partnerdesk.api.Actor;
import org.partnerdesk.api.ApiException;

/** Every partner-operations transition belongs to one team (DIR-8); only its members take it. */
final class OwnerGroup {

    private OwnerGroup() {
    }

    static boolean isMember(Actor actor, String group) {
        return actor.isStaff() && actor.isMemberOf(group);
    }

    static void require(Actor actor, String group, String step, String rule) {
        if (!isMember(actor, group)) {
            throw ApiException.forbidden("Only members of " + group + " may " + step + " (" + rule + ").");
        }
    }
}
