package org.partnerdesk.entitlement;

import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** DIR-2: a user, with the one organization it belongs to, if any. */
public record Person(long userId, String email, String name, @Nullable Organization organization) {

    public Person {
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(name, "name");
    }

    /** The customer organization this person is a contact of; empty for partner, internal and unattached users. */
    public Optional<Organization> customerOrganization() {
        return Optional.ofNullable(organization).filter(Organization::isCustomer);
    }

    public boolean hasEmail(@Nullable String other) {
        return other != null && email.equalsIgnoreCase(other.strip());
    }
}
