package org.partnerdesk.api;

import java.io.Serializable;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * The authenticated user a request acts for, with what authorization decisions look at. Serializable because a browser
 * session (UI-1) keeps it in PostgreSQL between requests.
 */
public record Actor(long userId, String email, Role role, @Nullable Long organizationId, Set<String> groups) implements Serializable {

    public Actor {
        groups = Set.copyOf(groups);
    }

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }

    public boolean isStaff() {
        return role.isStaff();
    }

    public boolean isMemberOf(String group) {
        return groups.contains(group);
    }

    public boolean belongsTo(@Nullable Long organization) {
        return organization != null && organization.equals(organizationId);
    }

    public void requireAdmin() {
        if (!isAdmin()) {
            throw ApiException.forbidden("Only administrators may do this.");
        }
    }

    public void requireStaff() {
        if (!isStaff()) {
            throw ApiException.forbidden("Only agents and administrators may do this.");
        }
    }
}
