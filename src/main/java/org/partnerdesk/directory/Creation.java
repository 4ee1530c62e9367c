package org.partnerdesk.directory;

import org.partnerdesk.api.ApiException;

/** Issue #17 item 3: what became of one record of a batch create: created, or refused as the single create refuses it. */
public sealed interface Creation {

    record Created(long id) implements Creation {
    }

    record Refused(ApiException refusal) implements Creation {
    }
}
