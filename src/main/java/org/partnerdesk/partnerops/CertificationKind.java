package org.partnerdesk.partnerops;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** DOMAIN-FACTS "Partner tracks": the certifications partner employees hold. */
public enum CertificationKind {
    SALES_CORE("Sales Core"),
    SOLUTION_ARCHITECT("Solution Architect"),
    PROFESSIONAL_SERVICES_ENGINEER("Professional Services Engineer");

    public static final Set<String> CODES = Arrays.stream(values()).map(CertificationKind::code).collect(Collectors.toUnmodifiableSet());

    private final String title;

    CertificationKind(String title) {
        this.title = title;
    }

    public String code() {
        return name().toLowerCase();
    }

    public String title() {
        return title;
    }

    /** PO-3, DOMAIN-FACTS "NFR licenses": a technical certification makes an Open or Select partner eligible. */
    public boolean qualifiesForNfr() {
        return this != SALES_CORE;
    }

    public static Optional<CertificationKind> fromCode(String code) {
        return Arrays.stream(values()).filter(kind -> kind.code().equals(code)).findFirst();
    }
}
