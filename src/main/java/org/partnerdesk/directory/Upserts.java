package org.partnerdesk.directory;

import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.partnerdesk.api.Actor;
import org.partnerdesk.directory.persistence.StoredOrganizations;
import org.partnerdesk.directory.persistence.StoredUsers;
import org.springframework.stereotype.Service;

/**
 * Issue #17 item 3, Zendesk's {@code create_or_update}: which existing user or organization a CRM record names. A user is
 * matched by external id, else by e-mail (DIR-2: unique without case); an organization by external id, else by name.
 * The write itself goes through {@link Users} or {@link Organizations}, so every rule applies. Admins only, as the writes.
 */
@Service
public class Upserts {

    private final StoredUsers users;
    private final StoredOrganizations organizations;

    Upserts(StoredUsers users, StoredOrganizations organizations) {
        this.users = users;
        this.organizations = organizations;
    }

    public Optional<User> user(Actor actor, @Nullable String externalId, @Nullable String email) {
        actor.requireAdmin();
        Optional<User> byExternalId = isBlank(externalId) ? Optional.empty() : users.findByExternalId(externalId.strip());
        if (byExternalId.isPresent() || isBlank(email)) {
            return byExternalId;
        }
        return users.findByEmail(email.strip());
    }

    public Optional<Organization> organization(Actor actor, @Nullable String externalId, @Nullable String name) {
        actor.requireAdmin();
        Optional<Organization> byExternalId = isBlank(externalId) ? Optional.empty() : organizations.findByExternalId(externalId.strip());
        if (byExternalId.isPresent() || isBlank(name)) {
            return byExternalId;
        }
        return organizations.findByName(name.strip());
    }

    private static boolean isBlank(@Nullable String value) {
        return value == null || value.isBlank();
    }
}
