package org.partnerdesk.partnerops;

import java.util.EnumSet;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/** Statuses as the API and the database write them: the constant's name in lower case. */
final class StatusCodes {

    private StatusCodes() {
    }

    /** A list filter: no code lists every status, a code nothing can have lists none. */
    static <S extends Enum<S>> Set<S> matching(Class<S> statuses, @Nullable String code) {
        Set<S> matching = EnumSet.allOf(statuses);
        if (code != null) {
            matching.removeIf(status -> !status.name().toLowerCase().equals(code));
        }
        return matching;
    }
}
