package org.partnerdesk.directory;

import org.jspecify.annotations.Nullable;
import org.partnerdesk.api.Role;

/** What a user is made of when it is created or changed (DIR-2); the membership is apart. */
public record UserDetails(String name, String email, Role role, @Nullable String externalId, @Nullable Long managerId) {
    public static UserDetails of(User u) {
        return new UserDetails(u.name(), u.email(), u.role(), u.externalId(), u.managerId());
    }
}
