package org.partnerdesk.ticket;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.partnerdesk.directory.Organizations;
import org.partnerdesk.entitlement.Entitlement;
import org.partnerdesk.entitlement.Flag;
import org.partnerdesk.entitlement.Form;
import org.partnerdesk.entitlement.Organization;
import org.partnerdesk.entitlement.PartnerTrack;
import org.partnerdesk.entitlement.Person;
import org.partnerdesk.entitlement.Rule;
import org.partnerdesk.entitlement.Scenario;
import org.partnerdesk.entitlement.TicketFacts;
import org.partnerdesk.sla.Slas;
import org.springframework.stereotype.Component;

/** Words around a dry-run decision for the person filing (issue #15): the policy decides, this only names and explains. */
@Component
class TicketPreviews {

    private final Organizations organizations;
    private final Slas slas;

    TicketPreviews(Organizations organizations, Slas slas) {
        this.organizations = organizations;
        this.slas = slas;
    }

    TicketPreview of(TicketDecisions.Decided decided, @Nullable TicketPriority priority) {
        Entitlement e = decided.decision().entitlement();
        TicketFacts facts = decided.facts();
        List<Organization> known = Stream.of(facts.submitterOrganization(),
                        facts.contactForOrganizationEmail() == null ? null : facts.contactForOrganizationEmail().organization())
                .filter(Objects::nonNull).toList();
        Person requester = e.requesterId() == facts.submitter().userId() ? facts.submitter()
                : Objects.requireNonNull(facts.contactForOrganizationEmail(), "the decision named a requester it was not given");
        var firstReply = slas.firstReplyTarget(e.supportLevel().code(), priority == null ? null : priority.code(),
                facts.form() == Form.LICENSING_RENEWALS).orElse(null);
        return new TicketPreview(e, requester.email(), name(known, e.organizationId()), name(known, e.servedUnder().organizationId()),
                firstReply, missing(e), didYouMean(e, facts), advice(e, facts));
    }

    private static List<TicketPreview.Missing> missing(Entitlement e) {
        String concluded = e.trace().isEmpty() ? e.rule().id() : e.trace().getLast().fact();
        List<TicketPreview.Missing> missing = new ArrayList<>();
        for (Flag flag : e.flags()) {
            String description = switch (flag) {
                case NEEDS_ORG -> concluded;
                case NO_ENTITLEMENT, CLARIFY -> e.publicReply() != null ? e.publicReply() : concluded;
                case CUSTOMER_CC_MISSING -> "No customer is on the CCs: an alliance ticket copies the customer when it is filed (ENT-6).";
            };
            missing.add(new TicketPreview.Missing(flag.code(), description));
        }
        return missing;
    }

    // ENT-7 never guesses the organization from a domain; the person typing may still be told of a likely typo
    private TicketPreview.@Nullable DomainHint didYouMean(Entitlement e, TicketFacts facts) {
        String typed = facts.organizationEmail();
        if (e.scenario() != Scenario.CUSTOMER_CONTACT_NOT_FOUND || facts.contactForOrganizationEmail() != null || typed == null
                || typed.indexOf('@') < 1) {
            return null;
        }
        String email = typed.strip();
        String local = email.substring(0, email.lastIndexOf('@'));
        String domain = email.substring(email.lastIndexOf('@') + 1);
        return organizations.customerDomainNear(domain).map(near -> new TicketPreview.DomainHint(domain, near, local + "@" + near))
                .orElse(null);
    }

    // ENT-4 [000][001]: a partner's own commercial work is served under its own subscription; the Support form is where it belongs
    private static List<String> advice(Entitlement e, TicketFacts facts) {
        boolean onPartnerForm = facts.form() == Form.OPEN_PARTNER || facts.form() == Form.SELECT_PARTNER || facts.form() == Form.ALLIANCE_PARTNER;
        Organization partner = facts.submitterOrganization();
        if (e.rule() != Rule.ENT_4 || !onPartnerForm || partner == null) {
            return List.of();
        }
        return List.of(partnerOfTrack(partner.partnerTrack()) + "'s own work goes on the Support form (ENT-4): it is served under"
                + " your organization's own subscription. Use the " + facts.form().title() + " form when you file for a customer.");
    }

    private static String partnerOfTrack(@Nullable PartnerTrack track) {
        if (track == null) {
            return "A partner";
        }
        String title = track.title();
        return ("AEIOU".indexOf(Character.toUpperCase(title.charAt(0))) >= 0 ? "An " : "A ") + title + " partner";
    }

    private static @Nullable String name(List<Organization> known, @Nullable Long id) {
        return id == null ? null : known.stream().filter(o -> o.id() == id).map(Organization::name).findFirst().orElse(null);
    }
}
