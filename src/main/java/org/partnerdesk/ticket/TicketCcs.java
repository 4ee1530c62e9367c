package org.partnerdesk.ticket;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.partnerdesk.api.Actor;
import org.partnerdesk.api.ApiException;
import org.partnerdesk.directory.Groups;
import org.partnerdesk.directory.User;
import org.partnerdesk.directory.Users;
import org.springframework.stereotype.Component;

/**
 * TKT-2 [004] who is copied on a ticket: the one decision for every path that sets CCs (intake, PUT, the partner
 * mailbox). Requesters and the partner who submitted add and remove CCs; agents never add contacts to a ticket,
 * alliance or not, unless a support manager does it with a reason. A CC reads the ticket, so nobody is copied on
 * it (whatever their organization) unless this rule allows it; a CC never changes the ticket's organization: the
 * entitlement decision is not re-run for it (DIR-3).
 */
@Component
class TicketCcs {

    static final String FIELD = "email_ccs";

    private final Users users;

    TicketCcs(Users users) {
        this.users = users;
    }

    /** The CCs after the change and why, for the audit; {@code reason} is null when the change names no CCs. */
    record Outcome(List<Long> ids, @Nullable String reason) {
    }

    /**
     * Whether {@code actor} may add people to the CCs of a ticket with this requester and submitter, and why (for the
     * audit); {@code refusal} says why not. Intake asks it with the submitter it is opening the ticket for.
     */
    record Addition(@Nullable String reason, @Nullable ApiException refusal) {

        boolean isAllowed() {
            return refusal == null;
        }

        String reasonOrRefuse() {
            if (refusal != null) {
                throw refusal;
            }
            return java.util.Objects.requireNonNull(reason);
        }
    }

    Addition addition(Actor actor, long requesterId, long submitterId, @Nullable String ccReason) {
        String rule = TicketRule.TKT_2.id();
        if (!actor.isStaff()) {
            if (actor.userId() == requesterId) {
                return new Addition(rule + ": the requester's CCs", null);
            }
            if (actor.userId() == submitterId) {
                return new Addition(rule + ": the submitter's CCs", null);
            }
            return new Addition(null, ApiException.forbidden("Only the requester and the partner who submitted the ticket change its CCs (TKT-2)."));
        }
        if (!actor.isMemberOf(Groups.SUPPORT_MANAGERS)) {
            return new Addition(null, TicketRuleViolation.invalid(TicketRule.TKT_2, FIELD, "agents never add contacts to a ticket, on"
                    + " alliance tickets as on any other [004]; ask the requester or the partner to add the CC, or a support manager"
                    + " to add it with a reason"));
        }
        String why = ccReason == null ? "" : ccReason.strip();
        if (why.isEmpty()) {
            return new Addition(null, TicketRuleViolation.invalid(TicketRule.TKT_2, FIELD, "a support manager adds a contact to a"
                    + " ticket only with a reason; give it in cc_reason"));
        }
        return new Addition(rule + ": " + why, null);
    }

    /** Refuses before anything is written; only then provisions newcomers as end users without organization (as intake does). */
    Outcome apply(Actor actor, Ticket before, TicketChange change) {
        if (!change.changesTheCcs()) {
            return new Outcome(before.collaboratorIds(), null);
        }
        Set<Long> ids = new LinkedHashSet<>(before.collaboratorIds());
        Set<String> newcomers = new LinkedHashSet<>();
        if (change.ccIds() != null) {
            ids.clear();
            change.ccIds().forEach(id -> ids.add(existing(id)));
        }
        for (TicketChange.CcChange cc : change.ccChanges()) {
            Optional<User> user = cc.userId() != null ? Optional.of(users.find(cc.userId()).orElseThrow(() -> notFound(cc.userId())))
                    : users.findByEmail(Objects.requireNonNull(cc.email(), "a CC names a user id or an e-mail"));
            if (cc.isRemoval()) {
                user.ifPresent(u -> ids.remove(u.id()));
                newcomers.remove(cc.email());
            } else if (user.isPresent()) {
                ids.add(user.get().id());
            } else {
                newcomers.add(cc.email());
            }
        }
        ids.remove(before.requesterId());
        boolean addsSomeone = !newcomers.isEmpty() || !before.collaboratorIds().containsAll(ids);
        String reason = reasonFor(actor, before, change, addsSomeone);
        for (String email : newcomers) {
            ids.add(users.findByEmail(email).orElseGet(() -> users.provisionEndUser(email)).id());
        }
        return new Outcome(new ArrayList<>(ids), reason);
    }

    private String reasonFor(Actor actor, Ticket ticket, TicketChange change, boolean addsSomeone) {
        Addition addition = addition(actor, ticket.requesterId(), ticket.submitterId(), change.ccReason());
        if (actor.isStaff() && !addsSomeone) {
            return TicketRule.TKT_2.id(); // an agent may take someone off; only adding is a support manager's
        }
        return addition.reasonOrRefuse();
    }

    private long existing(long userId) {
        return users.find(userId).map(User::id).orElseThrow(() -> notFound(userId));
    }

    private static ApiException notFound(long userId) {
        return ApiException.invalid(FIELD, "not_found", "names no user (" + userId + ")");
    }
}
