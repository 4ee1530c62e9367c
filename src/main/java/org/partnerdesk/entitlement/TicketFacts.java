package org.partnerdesk.entitlement;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Everything the entitlement decision may look at, already loaded by the caller: the ticket's form and
 * fields as submitted (or as edited, ENT-8), its submitter, and the directory entries they name.
 *
 * @param form                        the ticket form
 * @param submitter                   who submitted the ticket, with their organization
 * @param organizationEmail           {@code Organization Email (partners)}, raw
 * @param contactForOrganizationEmail the user whose e-mail is {@code organizationEmail}, looked up by the caller; null when none
 * @param customerName                {@code Customer Name (partners)}
 * @param partnerTroubleshooting      {@code Partner troubleshooting}
 * @param partnerEngagement           {@code Partner engagement}, raw: an unknown value is a question (ENT-9), not an error
 * @param isCcPartnerChecked          {@code CC partner}
 * @param allianceTicketId            {@code Alliance partner ticket ID}
 * @param licensingRequest            {@code Licensing request} on the Licensing & Renewals form, raw (PO-7)
 * @param subject                     the ticket's current subject
 * @param description                 the first comment's body
 * @param ccEmails                    the CC e-mails given when the ticket was created
 * @param today                       the day the decision is made on, for subscription and license validity
 */
public record TicketFacts(
        Form form,
        Person submitter,
        @Nullable String organizationEmail,
        @Nullable Person contactForOrganizationEmail,
        @Nullable String customerName,
        @Nullable String partnerTroubleshooting,
        @Nullable String partnerEngagement,
        boolean isCcPartnerChecked,
        @Nullable String allianceTicketId,
        @Nullable String licensingRequest,
        String subject,
        String description,
        List<String> ccEmails,
        LocalDate today) {

    public TicketFacts {
        Objects.requireNonNull(form, "form");
        Objects.requireNonNull(submitter, "submitter");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(today, "today");
        ccEmails = List.copyOf(ccEmails);
        // A contact that is not the one the field names would move the ticket to the wrong customer.
        if (contactForOrganizationEmail != null && !contactForOrganizationEmail.hasEmail(organizationEmail)) {
            throw new IllegalArgumentException("contact " + contactForOrganizationEmail.email()
                    + " was looked up for Organization Email (partners) '" + organizationEmail
                    + "' but does not carry that e-mail; look the contact up from the field's current value");
        }
    }

    /** The facts of a ticket without a {@code Licensing request}. */
    public TicketFacts(Form form, Person submitter, @Nullable String organizationEmail, @Nullable Person contactForOrganizationEmail,
                       @Nullable String customerName, @Nullable String partnerTroubleshooting, @Nullable String partnerEngagement,
                       boolean isCcPartnerChecked, @Nullable String allianceTicketId, String subject, String description,
                       List<String> ccEmails, LocalDate today) {
        this(form, submitter, organizationEmail, contactForOrganizationEmail, customerName, partnerTroubleshooting, partnerEngagement,
                isCcPartnerChecked, allianceTicketId, null, subject, description, ccEmails, today);
    }

    /** PO-7 [003]: a license resend or an e-mail change, which the partner named on the opportunity asks for. */
    public boolean isPostSalesChange() {
        String request = licensingRequest == null ? "" : licensingRequest.strip();
        return request.equals("license_resend") || request.equals("email_change");
    }

    public Engagement engagement() {
        return Engagement.of(partnerEngagement);
    }

    public @Nullable Organization submitterOrganization() {
        return submitter.organization();
    }

    /** ENT-6: someone other than the submitter was put on the CCs when the ticket was created. */
    public boolean hasCcBesidesSubmitter() {
        return ccEmails.stream().anyMatch(email -> !submitter.hasEmail(email));
    }

    public Optional<String> customerNameGiven() {
        return present(customerName);
    }

    public Optional<String> allianceTicketIdGiven() {
        return present(allianceTicketId);
    }

    public boolean isOrganizationEmailGiven() {
        return present(organizationEmail).isPresent();
    }

    private static Optional<String> present(@Nullable String field) {
        return Optional.ofNullable(field).map(String::strip).filter(value -> !value.isEmpty());
    }
}
