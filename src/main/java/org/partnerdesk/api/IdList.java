package org.partnerdesk.api;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/** Zendesk's {@code show_many?ids=1,2,3}: at most 100 positive ids, each kept once in the order given; anything else is a 400. */
public record IdList(List<Long> ids) {

    public static final int MAX = 100;

    public IdList {
        ids = List.copyOf(ids);
    }

    public static IdList parse(@Nullable String ids, String of) {
        if (ids == null || ids.isBlank()) {
            throw invalid(of);
        }
        String[] parts = ids.split(",", -1);
        if (parts.length > MAX) {
            throw ApiException.badRequest("InvalidParameter", "show_many takes at most " + MAX + " ids; ask again for the rest.");
        }
        List<Long> read = new ArrayList<>();
        for (String part : parts) {
            try {
                long id = Long.parseLong(part.strip());
                if (id < 1) {
                    throw invalid(of);
                }
                if (!read.contains(id)) {
                    read.add(id);
                }
            } catch (NumberFormatException e) {
                throw invalid(of);
            }
        }
        return new IdList(read);
    }

    private static ApiException invalid(String of) {
        return ApiException.badRequest("InvalidParameter", "ids must be a comma-separated list of " + of + " ids, such as ids=1,2,3.");
    }
}
