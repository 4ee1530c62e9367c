package org.partnerdesk.directory;

import java.util.List;

import org.partnerdesk.api.Actor;
import org.partnerdesk.api.IdList;
import org.partnerdesk.directory.persistence.StoredOrganizations;
import org.partnerdesk.directory.persistence.StoredUsers;
import org.springframework.stereotype.Service;

/**
 * Issue #17: Zendesk's {@code /users/show_many} and {@code /organizations/show_many}. As in Zendesk, an id the caller may
 * not see is left out rather than refused; who sees what is the show endpoints' rule (#10): staff all, an end user
 * itself and its own organization.
 */
@Service
public class ShowMany {

    private final StoredUsers users;
    private final StoredOrganizations organizations;

    ShowMany(StoredUsers users, StoredOrganizations organizations) {
        this.users = users;
        this.organizations = organizations;
    }

    public List<User> users(Actor actor, IdList ids) {
        List<Long> wanted = actor.isStaff() ? ids.ids() : ids.ids().stream().filter(id -> id == actor.userId()).toList();
        return wanted.isEmpty() ? List.of() : users.findAll(wanted);
    }

    public List<Organization> organizations(Actor actor, IdList ids) {
        List<Long> wanted = actor.isStaff() ? ids.ids() : ids.ids().stream().filter(actor::belongsTo).toList();
        return wanted.isEmpty() ? List.of() : organizations.findAll(wanted);
    }
}
