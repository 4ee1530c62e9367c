package org.partnerdesk.partnerops;

import java.util.List;
import java.util.Map;

import org.partnerdesk.api.ApiException;

/** A partner-operations step refused by a PO rule: a 422 naming the field, the rule and what to do instead. */
public class NfrRefusal extends ApiException {

    public NfrRefusal(String rule, String field, String why) {
        super(422, "RecordInvalid", why + " (" + rule + ")", Map.of(field, List.of(new FieldError(why, rule))));
    }
}
