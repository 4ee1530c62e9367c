package org.partnerdesk.escalation;

import java.util.List;
import java.util.Map;

import org.partnerdesk.api.ApiException;

/** A STAR request or unstar refused by a TKT-7 rule: a 422 naming the field, the rule and what to do instead. */
public class StarRefusal extends ApiException {

    public StarRefusal(String field, String why) {
        super(422, "RecordInvalid", why + " (TKT-7)", Map.of(field, List.of(new FieldError(why, "TKT-7"))));
    }
}
