package org.partnerdesk.directory;

import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.partnerdesk.api.Actor;
import org.partnerdesk.directory.persistence.StoredOrganizations;
import org.springframework.stereotype.Component;

/** Who may join which organization (DIR-3 [001]) and who may change an alliance organization's members (DIR-4 [004]). */
@Component
class AssociationRules {

    static final String SUPPORT_MANAGERS = "Support Managers";

    private final StoredOrganizations organizations;

    AssociationRules(StoredOrganizations organizations) {
        this.organizations = organizations;
    }

    /** A user with {@code email}, now in {@code current} (or none), is to become a member of {@code target}. */
    void checkJoin(Actor actor, String email, @Nullable Organization current, Organization target) {
        checkAllianceLock(actor, target);
        if (current != null && current.id() != target.id()) {
            checkAllianceLock(actor, current);
        }
        neverAssociateCustomersWithPartners(email, current, target);
    }

    /** DIR-3 alone, for a user who stays where it is: the refusal names the line it would cross. */
    void checkSameSide(String email, Organization current, Organization target) {
        neverAssociateCustomersWithPartners(email, current, target);
    }

    void checkLeave(Actor actor, Organization current) {
        checkAllianceLock(actor, current);
    }

    /** Whoever may change the members of {@code organization} at all: admins, and support managers for alliances. */
    void checkMayChangeMembers(Actor actor, Organization organization) {
        checkAllianceLock(actor, organization);
        if (!organization.isAlliance()) {
            actor.requireAdmin();
        }
    }

    // DIR-4 [004]: nobody but support managers adds anyone to an alliance partner's organization
    private void checkAllianceLock(Actor actor, Organization organization) {
        if (organization.isAlliance() && !actor.isMemberOf(SUPPORT_MANAGERS)) {
            throw DirectoryRuleViolation.forbidden(DirectoryRule.DIR_4, "organization_id",
                    organization.name() + " is an alliance partner organization: only members of Support Managers change its members");
        }
    }

    // DIR-3 [001]: never associate a customer with a partner's organization, or vice-versa
    private void neverAssociateCustomersWithPartners(String email, @Nullable Organization current, Organization target) {
        if (target.type() == OrganizationType.INTERNAL) {
            return;
        }
        Optional<Organization> home = homeOf(email, current, target);
        if (home.isEmpty() || home.get().type() == target.type() || home.get().type() == OrganizationType.INTERNAL) {
            return;
        }
        Organization from = home.get();
        String kind = from.isCustomer() ? "customer" : "partner";
        String instead = from.isCustomer()
                ? "Use a contact of the partner, or let the partner file tickets on the customer's behalf."
                : "Partners work for customers through the partner forms, never as members of the customer's organization.";
        throw DirectoryRuleViolation.invalid(DirectoryRule.DIR_3, "organization_id",
                email + " is a contact of " + from.describe() + "; a " + kind + " contact cannot join "
                        + target.describe() + ". " + instead);
    }

    /** The organization a contact belongs to: its membership, or else an organization claiming its e-mail domain. */
    private Optional<Organization> homeOf(String email, @Nullable Organization current, Organization target) {
        if (current != null) {
            return Optional.of(current);
        }
        String domain = email.substring(email.lastIndexOf('@') + 1).toLowerCase();
        if (target.domainNames().contains(domain)) {
            return Optional.empty();
        }
        return organizations.claimingDomain(domain).stream()
                .filter(o -> o.type() != OrganizationType.INTERNAL)
                .findFirst();
    }
}
