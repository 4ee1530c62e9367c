package org.partnerdesk.partnerops;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.partnerdesk.api.ApiException;

/**
 * PO-5 [003]: the billing account of a new entity of a partner's parent company, invoiced through a contact of the
 * partner organization. Billing Operations create it from the request; it can be chosen for quotes once active.
 */
public record BillingAccount(long id, long organizationId, @Nullable String entityName, Contact contact, Status status,
                             @Nullable Long ticketId, long requestedBy, @Nullable Long createdBy,
                             @Nullable Instant provisioningAt, @Nullable Instant activatesAt, @Nullable Instant activatedAt,
                             Instant createdAt, Instant updatedAt) {

    /** The billing contact: a user of the partner organization, with the billing address the partner gave. */
    public record Contact(long userId, String name, String email, String address) {
    }

    public enum Status {
        REQUESTED, PROVISIONING, ACTIVE;

        public static final Set<String> CODES = Arrays.stream(values()).map(Status::code).collect(Collectors.toUnmodifiableSet());

        public String code() {
            return name().toLowerCase();
        }

        public static Optional<Status> fromCode(String code) {
            return Arrays.stream(values()).filter(s -> s.code().equals(code)).findFirst();
        }
    }

    /** A request, not yet stored. */
    public static BillingAccount requested(long organizationId, @Nullable String entityName, Contact contact, long requestedBy,
                                           Instant at) {
        return new BillingAccount(0, organizationId, entityName, contact, Status.REQUESTED, null, requestedBy, null, null,
                null, null, at, at);
    }

    /** PO-5: only an active account can be chosen as invoice owner. */
    public boolean isAvailableForQuoting() {
        return status == Status.ACTIVE;
    }

    public BillingAccount withTicket(long ticket) {
        return new BillingAccount(id, organizationId, entityName, contact, status, ticket, requestedBy, createdBy, provisioningAt,
                activatesAt, activatedAt, createdAt, updatedAt);
    }

    /** PO-5: Billing Operations create the account from the request; it becomes usable after the activation delay. */
    public BillingAccount create(long by, Instant at, Duration activationDelay) {
        if (status != Status.REQUESTED) {
            throw ApiException.invalid("status", "invalid_transition", "billing account " + id + " is already " + status.code()
                    + "; it is created once" + (status == Status.PROVISIONING ? " and becomes active at " + activatesAt : ""));
        }
        // on a whole second, rounded up: the API shows seconds, and what it shows is exactly when the account activates
        Instant activates = at.plus(activationDelay);
        activates = activates.getNano() == 0 ? activates : activates.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).plusSeconds(1);
        return new BillingAccount(id, organizationId, entityName, contact, Status.PROVISIONING, ticketId, requestedBy, by, at,
                activates, null, createdAt, at);
    }

    /** PO-5: a provisioning account becomes active once its activation time has come; otherwise nothing changes. */
    public Optional<BillingAccount> activate(Instant at) {
        if (status != Status.PROVISIONING || activatesAt == null || at.isBefore(activatesAt)) {
            return Optional.empty();
        }
        return Optional.of(new BillingAccount(id, organizationId, entityName, contact, Status.ACTIVE, ticketId, requestedBy,
                createdBy, provisioningAt, activatesAt, at, createdAt, at));
    }

    /** How the account is named to people: the entity, else the contact. */
    public String describe() {
        return "billing account #" + id + " (" + (entityName == null ? contact.name() : entityName) + ", invoice contact "
                + contact.email() + ")";
    }
}
