package org.partnerdesk.ticket;

import java.util.Optional;

/** TKT-5, UI-1: the portal's lists of requests, by the code its address names ({@code ?list=ccd}). */
public enum RequestList {
    /** Requested or submitted by the person. */
    MINE("mine"),
    /** TKT-2: CC'd on. */
    CCD("ccd"),
    /** API-2: the person's organization's, where it shares its tickets. */
    ORGANIZATION("organization"),
    /** Partners: filed on behalf of their customers. */
    CUSTOMERS("customers");

    private final String code;

    RequestList(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<RequestList> of(String code) {
        for (RequestList list : values()) {
            if (list.code.equals(code)) {
                return Optional.of(list);
            }
        }
        return Optional.empty();
    }
}
