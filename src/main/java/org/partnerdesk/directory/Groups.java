package org.partnerdesk.directory;

import java.util.List;

import org.partnerdesk.api.Actor;
import org.partnerdesk.api.ApiException;
import org.partnerdesk.api.CursorPage;
import org.partnerdesk.api.PageRequest;
import org.partnerdesk.directory.persistence.StoredGroupMemberships;
import org.partnerdesk.directory.persistence.StoredGroups;
import org.partnerdesk.directory.persistence.StoredUsers;
import org.springframework.stereotype.Service;

/** DIR-8 the built-in teams: staff read them; other modules ask here who holds a team's permissions. */
@Service
public class Groups {

    public static final String SUPPORT = "Support";
    public static final String SUPPORT_MANAGERS = "Support Managers";
    public static final String PARTNER_OPERATIONS = "Partner Operations";
    public static final String BILLING_OPERATIONS = "Billing Operations";
    public static final String LICENSING = "Licensing";
    public static final String CHANNEL_MANAGERS = "Channel Managers";
    public static final String CHANNEL_DIRECTORS = "Channel Directors";
    public static final String PROGRAMS_DIRECTORS = "Programs Directors";
    public static final String SALES = "Sales";

    private final StoredGroups stored;
    private final StoredGroupMemberships memberships;
    private final StoredUsers users;

    Groups(StoredGroups stored, StoredGroupMemberships memberships, StoredUsers users) {
        this.stored = stored;
        this.memberships = memberships;
        this.users = users;
    }

    public Group find(Actor actor, long id) {
        actor.requireStaff();
        return stored.find(id).orElseThrow(() -> ApiException.notFound("Group " + id));
    }

    public CursorPage<Group> page(Actor actor, PageRequest page) {
        actor.requireStaff();
        return CursorPage.of(stored.page(page.afterId(), page.fetchSize()), page, Group::id);
    }

    /** For other modules, which apply their own authorization: is this user in the team (e.g. a Programs Director, PO-4)? */
    public boolean isMember(long userId, String groupName) {
        return memberships.find(userId, named(groupName).id()).isPresent();
    }

    /** For other modules: everyone in the team, e.g. the support managers who receive STAR requests (TKT-7). */
    public List<User> membersOf(String groupName) {
        return users.inGroup(named(groupName).id());
    }

    /** The id of a built-in team, for other modules and demo data. */
    public long idOf(String groupName) {
        return named(groupName).id();
    }

    // the groups are built in (DIR-8): an unknown name is a programming error, not an empty team
    private Group named(String name) {
        return stored.findByName(name).orElseThrow(() -> new IllegalArgumentException("There is no group named " + name));
    }

    /** For other modules: everyone in a group by id, e.g. the group of an unassigned ticket whose SLA was breached (TKT-4). */
    public List<User> members(long groupId) {
        return users.inGroup(groupId);
    }
}
