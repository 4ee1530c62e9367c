package org.partnerdesk.jobs;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.partnerdesk.api.ApiException;

/**
 * Issue #17 item 3: what became of one record of a bulk job, as Zendesk's job status reports it: its index in the request,
 * the record's id, {@code Created}, {@code Updated} or {@code Failed}, and for a failure the error, its description and the
 * rule (e.g. {@code DIR-3}) that refused it.
 */
public record JobResult(int index, @Nullable Long id, String status, @Nullable String error, @Nullable String details,
                        @Nullable String rule) {

    private static final Pattern RULE_ID = Pattern.compile("[A-Z]{2,}-\\d+");

    public static JobResult written(int index, BulkWrite.Written written) {
        return new JobResult(index, written.id(), written.created() ? "Created" : "Updated", null, null, null);
    }

    /** A record's outcome in a batch, reported as the same record written on its own would be. */
    public static JobResult of(int index, @Nullable Long id, BulkWrite.Outcome outcome) {
        return switch (outcome) {
            case BulkWrite.Written written -> written(index, written);
            case BulkWrite.Refused(ApiException refusal) -> refused(index, id, refusal);
        };
    }

    public static JobResult refused(int index, @Nullable Long id, ApiException refusal) {
        return new JobResult(index, id, "Failed", refusal.error(), detailsOf(refusal), ruleOf(refusal.details()));
    }

    public boolean isSuccess() {
        return !"Failed".equals(status);
    }

    // a validation error's description is general ("Record validation errors"); the fields' own say what was wrong
    private static String detailsOf(ApiException refusal) {
        StringBuilder details = new StringBuilder(refusal.description());
        refusal.details().forEach((field, errors) -> errors.stream().map(ApiException.FieldError::description)
                .filter(description -> !refusal.description().contains(description))
                .forEach(description -> details.append(details.isEmpty() ? "" : "; ").append(field).append(' ').append(description)));
        return details.toString();
    }

    // a rule violation names its rule as the error of the field it refused (DirectoryRuleViolation, TicketRuleViolation)
    private static @Nullable String ruleOf(Map<String, List<ApiException.FieldError>> details) {
        return details.values().stream().flatMap(List::stream).map(ApiException.FieldError::error)
                .filter(error -> RULE_ID.matcher(error).matches()).findFirst().orElse(null);
    }
}
