package org.partnerdesk.directory;

import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.partnerdesk.api.Actor;
import org.partnerdesk.api.ApiException;
import org.partnerdesk.api.CursorPage;
import org.partnerdesk.api.PageRequest;
import org.partnerdesk.directory.persistence.DirectoryAudits;
import org.partnerdesk.directory.persistence.StoredGroupMemberships;
import org.partnerdesk.directory.persistence.StoredGroups;
import org.partnerdesk.directory.persistence.StoredUsers;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** DIR-8 who is in which team: admins change it, staff read it; only agents and admins belong to teams. */
@Service
public class GroupMemberships {

    private final StoredGroupMemberships stored;
    private final StoredGroups groups;
    private final StoredUsers users;
    private final DirectoryAudits audits;

    GroupMemberships(StoredGroupMemberships stored, StoredGroups groups, StoredUsers users, DirectoryAudits audits) {
        this.stored = stored;
        this.groups = groups;
        this.users = users;
        this.audits = audits;
    }

    /** The membership and whether this call made it: adding someone twice returns the membership they already have. */
    public record Added(GroupMembership membership, boolean isNew) {
    }

    @Transactional
    public Added add(Actor actor, long userId, long groupId) {
        actor.requireAdmin();
        User user = users.findForUpdate(userId).orElseThrow(() ->
                ApiException.invalid("user_id", "not_found", "names no user (" + userId + ")"));
        Group group = groups.find(groupId).orElseThrow(() ->
                ApiException.invalid("group_id", "not_found", "names no group (" + groupId + ")"));
        // DIR-8: groups are the staff's teams; an end user in one would hold a team's permissions
        if (!user.role().isStaff()) {
            throw DirectoryRuleViolation.invalid(DirectoryRule.DIR_8, "user_id", user.email() + " is an end user; only agents"
                    + " and admins join teams such as " + group.name() + ". Make the user an agent first.");
        }
        Optional<GroupMembership> existing = stored.find(userId, groupId);
        if (existing.isPresent()) {
            return new Added(existing.get(), false);
        }
        GroupMembership created = stored.insert(userId, groupId);
        audits.record(actor.userId(), "group_membership", created.id(), "create",
                Map.of("user_id", userId, "group_id", groupId, "group", group.name()));
        return new Added(created, true);
    }

    @Transactional
    public void remove(Actor actor, long id) {
        actor.requireAdmin();
        GroupMembership membership = stored.find(id).orElseThrow(() -> ApiException.notFound("Group membership " + id));
        stored.delete(id);
        audits.record(actor.userId(), "group_membership", id, "delete",
                Map.of("user_id", membership.userId(), "group_id", membership.groupId()));
    }

    public GroupMembership find(Actor actor, long id) {
        actor.requireStaff();
        return stored.find(id).orElseThrow(() -> ApiException.notFound("Group membership " + id));
    }

    public CursorPage<GroupMembership> page(Actor actor, PageRequest page, @Nullable Long userId, @Nullable Long groupId) {
        actor.requireStaff();
        return CursorPage.of(stored.page(page.afterId(), page.fetchSize(), userId, groupId), page, GroupMembership::id);
    }

    public CursorPage<GroupMembership> ofUser(Actor actor, PageRequest page, long userId) {
        actor.requireStaff();
        users.find(userId).orElseThrow(() -> ApiException.notFound("User " + userId));
        return page(actor, page, userId, null);
    }
}
