package org.partnerdesk.partnerops.signup;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.partnerdesk.api.JsonBody;
import org.partnerdesk.partnerops.PartnerApplication;
import org.partnerdesk.partnerops.SignUps;

/**
 * PO-1: the sign-up's fields and their rules, read alike from the API's JSON and the portal's form, so both refuse the
 * same things in the same words. Problems collect in the {@link JsonBody}; {@link #application()} once it has none.
 */
public record SignUpForm(@Nullable String company, @Nullable String parentCompany, @Nullable String contactName,
                         @Nullable String contactEmail, @Nullable Boolean authorizedSignatory, @Nullable String agreement,
                         @Nullable String questions) {

    private static final Set<String> AGREEMENT = Arrays.stream(PartnerApplication.Agreement.values())
            .map(PartnerApplication.Agreement::code).collect(Collectors.toUnmodifiableSet());

    public static SignUpForm read(JsonBody request) {
        String company = request.requiredText("company", 255);
        String parentCompany = request.text("parent_company", 255);
        String contactName = request.requiredText("contact_name", 255);
        String email = request.requiredEmail("contact_email");
        Boolean signatory = request.bool("authorized_signatory");
        if (signatory == null && request.raw("authorized_signatory") == null) { // absent or null; a wrong type is reported by bool()
            request.problemWith("authorized_signatory", "blank", "is required: true if you may sign the partner agreement for the company");
        }
        String agreement = request.oneOf("agreement", AGREEMENT);
        if (agreement == null && (!request.has("agreement") || request.raw("agreement") == null)) {
            request.problemWith("agreement", "blank", "is required: accept (an authorized signatory accepts the click-through"
                    + " partner agreement) or questions (not a signatory, questions, or a redline: Partner Operations review it)");
        }
        String questions = request.text("questions", 10_000);
        return new SignUpForm(company, parentCompany, contactName, email, signatory, agreement, questions);
    }

    /** The application as sent; only once the body it was read from has no problems. */
    public SignUps.Application application() {
        if (company == null || contactName == null || contactEmail == null || authorizedSignatory == null || agreement == null) {
            throw new IllegalStateException("read with problems: call JsonBody.throwIfInvalid first");
        }
        return new SignUps.Application(company, blankToNull(parentCompany), contactName, contactEmail, authorizedSignatory,
                PartnerApplication.Agreement.fromCode(agreement), blankToNull(questions));
    }

    private static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
