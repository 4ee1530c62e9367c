package org.partnerdesk.directory;

import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.partnerdesk.api.Role;

/**
 * DIR-2 a user: one e-mail, one role, at most one organization. {@code contactSide} is the side (customer or
 * partner) it joined first, kept after it leaves (DIR-3).
 */
public record User(long id, String name, String email, Role role, @Nullable Long organizationId,
                   @Nullable String externalId, @Nullable Long managerId, boolean active,
                   @Nullable OrganizationType contactSide, Instant createdAt, Instant updatedAt) {

    public String domain() {
        return email.substring(email.lastIndexOf('@') + 1).toLowerCase();
    }
}
