package org.partnerdesk.api;

import java.util.Arrays;
import java.util.Optional;

/** Zendesk's user roles (API-1: enum values only from Zendesk's sets). */
public enum Role {
    END_USER("end-user"), AGENT("agent"), ADMIN("admin");

    private final String code;

    Role(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public boolean isStaff() {
        return this != END_USER;
    }

    public static Optional<Role> fromCode(String code) {
        return Arrays.stream(values()).filter(role -> role.code.equals(code)).findFirst();
    }
}
