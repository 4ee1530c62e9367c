package org.partnerdesk.directory;

import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.partnerdesk.api.Actor;
import org.partnerdesk.api.Role;
import org.partnerdesk.directory.persistence.StoredOrganizations;
import org.springframework.stereotype.Component;

/** Who may join which organization (DIR-3 [001]) and who may change an alliance organization's members (DIR-4 [004]). */
@Component
public class AssociationRules {

    static final String SUPPORT_MANAGERS = "Support Managers";

    private final StoredOrganizations organizations;

    AssociationRules(StoredOrganizations organizations) {
        this.organizations = organizations;
    }

    /** Who is to join: e-mail and role as they will be after the write, and the side it remembers (none for a new user). */
    public record Candidate(String email, Role role, @Nullable OrganizationType rememberedSide) {
        public static Candidate of(User user) {
            return new Candidate(user.email(), user.role(), user.contactSide());
        }
    }

    /** Which organizations claim an e-mail domain: the store for one write, a map loaded once per chunk for an import (DIR-7). */
    @FunctionalInterface
    public interface DomainClaims {
        List<Organization> claiming(String domain);
    }

    /** A user, now in {@code current} (or none), is to become a member of {@code target}. */
    void checkJoin(Actor actor, Candidate candidate, @Nullable Organization current, Organization target) {
        checkJoin(actor, candidate, current, target, organizations::claimingDomain);
    }

    /** The same, with domain claims already loaded: the CRM import checks many contacts against one lookup. */
    public void checkJoin(Actor actor, Candidate candidate, @Nullable Organization current, Organization target, DomainClaims claims) {
        checkAllianceLock(actor, target);
        if (current != null && current.id() != target.id()) {
            checkAllianceLock(actor, current);
        }
        internalOrganizationsAreForStaff(candidate, target, "organization_id");
        neverAssociateCustomersWithPartners(candidate, current, target, claims);
    }

    /** DIR-3 alone, for a user who stays where it is: the refusal names the line it would cross. */
    void checkSameSide(Candidate candidate, Organization current, Organization target) {
        internalOrganizationsAreForStaff(candidate, target, "organization_id");
        neverAssociateCustomersWithPartners(candidate, current, target, organizations::claimingDomain);
    }

    /** A user staying in {@code current} under a new role. */
    void checkMayStay(Candidate candidate, Organization current) {
        internalOrganizationsAreForStaff(candidate, current, "role");
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

    // DIR-4 [004]: the track is part of the lock, or anyone could lift it, change the members and put it back
    void checkTrackChange(Actor actor, Organization before, OrganizationType type, @Nullable PartnerTrack track) {
        boolean becomesAlliance = type == OrganizationType.PARTNER && track == PartnerTrack.ALLIANCE;
        if (before.isAlliance() != becomesAlliance && !actor.isMemberOf(SUPPORT_MANAGERS)) {
            throw DirectoryRuleViolation.forbidden(DirectoryRule.DIR_4, "organization_fields.partner_track", before.isAlliance()
                    ? before.name() + " is an alliance partner organization: only members of Support Managers take it off the alliance track"
                    : "only members of Support Managers put an organization on the alliance track, which locks its members");
        }
    }

    // DIR-4 [004]: nobody but support managers adds anyone to an alliance partner's organization
    private void checkAllianceLock(Actor actor, Organization organization) {
        if (organization.isAlliance() && !actor.isMemberOf(SUPPORT_MANAGERS)) {
            throw DirectoryRuleViolation.forbidden(DirectoryRule.DIR_4, "organization_id",
                    organization.name() + " is an alliance partner organization: only members of Support Managers change its members");
        }
    }

    // DIR-3 [001]: internal organizations are the vendor's staff; an end user parked there would shed the side it is on
    private void internalOrganizationsAreForStaff(Candidate candidate, Organization target, String field) {
        if (target.type() == OrganizationType.INTERNAL && !candidate.role().isStaff()) {
            throw DirectoryRuleViolation.invalid(DirectoryRule.DIR_3, field, candidate.email() + " is an end user; internal organization "
                    + target.name() + " is for staff (agents and admins). Customer and partner contacts belong to their own organizations.");
        }
    }

    // DIR-3 [001]: never associate a customer with a partner's organization, or vice-versa
    private void neverAssociateCustomersWithPartners(Candidate candidate, @Nullable Organization current, Organization target,
                                                     DomainClaims claims) {
        if (target.type() == OrganizationType.INTERNAL) {
            return;
        }
        Optional<Home> home = homeOf(candidate, current, target, claims);
        if (home.isEmpty() || home.get().side() == target.type()) {
            return;
        }
        Home from = home.get();
        String instead = from.side() == OrganizationType.CUSTOMER
                ? "Use a contact of the partner, or let the partner file tickets on the customer's behalf."
                : "Partners work for customers through the partner forms, never as members of the customer's organization.";
        throw DirectoryRuleViolation.invalid(DirectoryRule.DIR_3, "organization_id",
                candidate.email() + " is " + from.because() + "; a " + from.side().code() + " contact cannot join "
                        + target.describe() + ". " + instead);
    }

    /** The side a contact is on, and why. */
    private record Home(OrganizationType side, String because) {
    }

    /**
     * The contact's customer or partner organization; else (none, or an internal one, which says nothing about sides)
     * the side it remembers from an organization it left; else an organization claiming its e-mail domain.
     */
    private Optional<Home> homeOf(Candidate candidate, @Nullable Organization current, Organization target, DomainClaims claims) {
        if (current != null && current.type() != OrganizationType.INTERNAL) {
            return Optional.of(new Home(current.type(), "a contact of " + current.describe()));
        }
        OrganizationType remembered = candidate.rememberedSide();
        if (remembered != null) {
            return Optional.of(new Home(remembered, "a " + remembered.code() + " contact (it has been a member of a "
                    + remembered.code() + " organization, and leaving does not change sides)"));
        }
        String email = candidate.email();
        String domain = email.substring(email.lastIndexOf('@') + 1).toLowerCase();
        if (target.domainNames().contains(domain)) {
            return Optional.empty();
        }
        return claims.claiming(domain).stream()
                .filter(o -> o.type() != OrganizationType.INTERNAL)
                .findFirst()
                .map(o -> new Home(o.type(), "a contact of " + o.describe()));
    }
}
