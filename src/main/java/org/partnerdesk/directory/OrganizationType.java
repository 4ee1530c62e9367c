package org.partnerdesk.directory;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** DIR-1: what an organization is to the vendor. */
public enum OrganizationType {
    CUSTOMER, PARTNER, INTERNAL;

    public static final Set<String> CODES = Arrays.stream(values()).map(OrganizationType::code).collect(Collectors.toUnmodifiableSet());

    public String code() {
        return name().toLowerCase();
    }

    public static Optional<OrganizationType> fromCode(String code) {
        return Arrays.stream(values()).filter(type -> type.code().equals(code)).findFirst();
    }
}
