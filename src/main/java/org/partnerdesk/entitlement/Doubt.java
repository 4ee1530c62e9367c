package org.partnerdesk.entitlement;

import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * ENT-9 [000] "if in doubt, ask": what is unclear, for the agents' internal note, and the question the
 * submitter gets publicly.
 */
record Doubt(String whatIsUnclear, String question) {

    private static final String SITUATIONS = Stream.of(Engagement.values())
            .filter(e -> e != Engagement.NOT_GIVEN && e != Engagement.UNKNOWN)
            .map(e -> e.name().toLowerCase(Locale.ROOT))
            .collect(Collectors.joining(", "));

    private static final String WHICH_SITUATION = "Could you tell us under which situation you are raising this"
            + " ticket: on behalf of a customer, during a services engagement for a customer, for your own"
            + " commercial work, or for internal training and testing?";

    static Doubt unknownEngagement(String value) {
        return new Doubt(
                "Partner engagement '" + value + "' is none of " + SITUATIONS + ", so no rule says how to serve it.",
                WHICH_SITUATION);
    }

    static Doubt partnerWithoutTrack(Organization partner) {
        return new Doubt(
                "Partner " + partner.name() + " has no partner track (DIR-1), so the partner program cannot say"
                        + " how to serve it; the track belongs in the CRM.",
                "Could you confirm which partner program track your company is in (Open, Select, Alliance or"
                        + " Distributor)? " + WHICH_SITUATION);
    }

    static Doubt partnerFormFromNonPartner(Form form, Person submitter) {
        Organization organization = submitter.organization();
        String who = organization == null ? "belongs to no organization" : "belongs to " + organization.describe();
        return new Doubt(
                submitter.email() + " " + who + " but used the " + form.title() + " form, which is for partners.",
                "You used the " + form.title() + " form, which is meant for our partners. Are you raising this"
                        + " ticket as a partner for one of your customers, or for your own organization? If it is for"
                        + " your own organization, the Support form is the right one.");
    }

    static Doubt formForAnotherTrack(Form form, Organization partner) {
        return new Doubt(
                partner.describe() + " used the " + form.title() + " form, which is for another partner track.",
                "You used the " + form.title() + " form, which is meant for another partner track. Should we work"
                        + " with your customer directly (Open Partner form), or is this about your own work?");
    }

    static Doubt servicesEngagementOutsideOpenForm(Form form, Organization partner) {
        return new Doubt(
                partner.describe() + " chose services_engagement on the " + form.title() + " form; services"
                        + " engagements are worked with the customer through the Open Partner form.",
                "For a services engagement we work with your customer directly and keep you on the CCs. Should we"
                        + " contact your customer, or will you manage this ticket for them?");
    }
}
