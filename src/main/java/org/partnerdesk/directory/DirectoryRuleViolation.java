package org.partnerdesk.directory;

import java.util.List;
import java.util.Map;

import org.partnerdesk.api.ApiException;

/** A write the directory refuses because it would break one of its rules; nothing has been written. */
public final class DirectoryRuleViolation extends ApiException {

    private final DirectoryRule rule;

    private DirectoryRuleViolation(int status, String error, DirectoryRule rule, String field, String message) {
        super(status, error, message + " (" + rule.id() + ")",
                Map.of(field, List.of(new FieldError(message, rule.id()))));
        this.rule = rule;
    }

    /** A record the rule forbids: 422. */
    public static DirectoryRuleViolation invalid(DirectoryRule rule, String field, String message) {
        return new DirectoryRuleViolation(422, "RecordInvalid", rule, field, message);
    }

    /** A change only another team may make: 403. */
    public static DirectoryRuleViolation forbidden(DirectoryRule rule, String field, String message) {
        return new DirectoryRuleViolation(403, "Forbidden", rule, field, message);
    }

    public DirectoryRule rule() {
        return rule;
    }
}
