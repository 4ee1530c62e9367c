package org.partnerdesk.entitlement;

import java.time.LocalDate;
import java.util.Optional;

/**
 * SPEC section 2: decides, for one ticket, who the requester is, which organization it belongs to, what it
 * is served under and at which support level, and records why. Pure and stateless: the same facts always
 * give the same decision, so it runs again whenever a field it reads changes (ENT-8).
 */
public final class EntitlementPolicy {

    public Entitlement decide(TicketFacts facts) {
        return switch (facts.form()) {
            case OPEN_PARTNER, SELECT_PARTNER, ALLIANCE_PARTNER -> onPartnerForm(facts);
            case LICENSING_RENEWALS -> onLicensingForm(facts);
            case SUPPORT, PARTNER_OPERATIONS, OTHER -> onOwnAccount(facts);
        };
    }

    private Entitlement onPartnerForm(TicketFacts facts) {
        Organization partner = facts.submitterOrganization();
        if (partner == null || !partner.isPartner()) {
            return unclear(facts, Doubt.partnerFormFromNonPartner(facts.form(), facts.submitter()));
        }
        if (partner.partnerTrack() == null) {
            return unclear(facts, Doubt.partnerWithoutTrack(partner));
        }
        return switch (facts.engagement()) {
            case NOT_GIVEN, ON_BEHALF_OF_CUSTOMER -> forTheCustomer(facts, partner);
            case SERVICES_ENGAGEMENT -> facts.form() == Form.OPEN_PARTNER
                    ? openPartnerServicesEngagement(facts)
                    : unclear(facts, Doubt.servicesEngagementOutsideOpenForm(facts.form(), partner));
            case PARTNER_COMMERCIAL_WORK -> partnersOwnCommercialWork(facts, partner);
            case PARTNER_INTERNAL_TRAINING -> partnerInternalTraining(facts, partner);
            case UNKNOWN -> unclear(facts, Doubt.unknownEngagement(String.valueOf(facts.partnerEngagement())));
        };
    }

    // The Select and Alliance forms grant what their track earned; the Open Partner form grants nothing, so any track may use it.
    private Entitlement forTheCustomer(TicketFacts facts, Organization partner) {
        if (facts.form() == Form.SELECT_PARTNER) {
            return partner.isPartnerOnTrack(PartnerTrack.SELECT)
                    ? selectPartnerAsGoBetween(facts, partner)
                    : unclear(facts, Doubt.formForAnotherTrack(facts.form(), partner));
        }
        if (facts.form() == Form.ALLIANCE_PARTNER) {
            return partner.isPartnerOnTrack(PartnerTrack.ALLIANCE)
                    ? allianceHandover(facts, partner)
                    : unclear(facts, Doubt.formForAnotherTrack(facts.form(), partner));
        }
        return openPartnerOnBehalfOfCustomer(facts);
    }

    private Entitlement onLicensingForm(TicketFacts facts) {
        Organization own = facts.submitterOrganization();
        if (own != null && own.isPartner() && facts.isPostSalesChange()) {
            return partnerPostSalesChange(facts, own);
        }
        return onOwnAccount(facts);
    }

    // PO-7 [003]: license resends and e-mail changes for a customer who bought through a partner are asked by that partner,
    // on the customer's behalf; any other partner is refused, so a customer's licenses change only at its own seller's word.
    private Entitlement partnerPostSalesChange(TicketFacts facts, Organization partner) {
        String request = "Licensing & Renewals form, " + String.valueOf(facts.licensingRequest()).strip() + " from " + partner.describe();
        if (!facts.isOrganizationEmailGiven()) {
            throw new EntitlementRefusal(Rule.PO_7, request + " names no customer: give the customer contact's e-mail in"
                    + " Organization Email (partners); the change is filed on the customer's behalf");
        }
        Person contact = facts.contactForOrganizationEmail();
        Organization customer = contact == null ? null : contact.customerOrganization().orElse(null);
        if (contact == null || customer == null) {
            throw new EntitlementRefusal(Rule.PO_7, request + ": " + whyNoCustomerContact(facts)
                    + "; name a contact of the customer that bought through you");
        }
        Optional<Subscription> sold = customer.subscriptions().stream()
                .filter(s -> s.wasBoughtThrough(partner.id()))
                .max(java.util.Comparator.comparing(Subscription::endsOn));
        if (sold.isEmpty()) {
            throw new EntitlementRefusal(Rule.PO_7, request + ": no subscription of " + customer.describe() + " was bought through "
                    + partner.name() + "; only the partner named on the subscription asks for license resends and e-mail changes,"
                    + " and the customer may ask us directly");
        }
        Subscription subscription = sold.get();
        SupportLevel level = subscription.isActiveOn(facts.today()) ? subscription.supportLevel() : SupportLevel.NONE;
        return Entitlement.of(Rule.PO_7, Scenario.PARTNER_POST_SALES_CHANGE)
                .requester(contact)
                .organization(customer)
                .subject(facts.subject())
                .cc(facts.submitter())
                .servedUnder(ServedUnder.subscription(customer, subscription))
                .supportLevel(level)
                .trace(request + ": on behalf of " + contact.email() + ", contact of " + customer.describe())
                .because(subscription.plan().code() + " subscription #" + subscription.id() + " (until " + subscription.endsOn()
                        + ") was bought through " + partner.name() + ", the partner named on it: accepted on the customer's behalf;"
                        + " the partner stays submitter and is on the CCs");
    }

    private Entitlement onOwnAccount(TicketFacts facts) {
        Organization own = facts.submitterOrganization();
        if (own == null) {
            return userWithoutOrganization(facts);
        }
        return switch (own.kind()) {
            case CUSTOMER, INTERNAL -> customerOnOwnSubscription(facts, own);
            case PARTNER -> own.partnerTrack() == null
                    ? unclear(facts, Doubt.partnerWithoutTrack(own))
                    : partnersOwnCommercialWork(facts, own);
        };
    }

    // ENT-1 [000][001]: an Open partner files for its customer; we work with that customer, on the customer's plan, never the partner's.
    private Entitlement openPartnerOnBehalfOfCustomer(TicketFacts facts) {
        String situation = facts.engagement() == Engagement.NOT_GIVEN
                ? "Open Partner form without an engagement, read as on_behalf_of_customer"
                : "Open Partner form, engagement on_behalf_of_customer";
        return forCustomerContact(facts, Rule.ENT_1, Scenario.OPEN_PARTNER_ON_BEHALF_OF_CUSTOMER, situation);
    }

    // ENT-2 [000]: as ENT-1 while the partner delivers a services engagement for the customer.
    private Entitlement openPartnerServicesEngagement(TicketFacts facts) {
        return forCustomerContact(facts, Rule.ENT_2, Scenario.OPEN_PARTNER_SERVICES_ENGAGEMENT,
                "Open Partner form, engagement services_engagement");
    }

    // ENT-1, ENT-2: the customer contact in Organization Email (partners) becomes the requester; the partner stays submitter.
    private Entitlement forCustomerContact(TicketFacts facts, Rule rule, Scenario scenario, String situation) {
        Person contact = facts.contactForOrganizationEmail();
        Organization customer = contact == null ? null : contact.customerOrganization().orElse(null);
        if (contact == null || customer == null) {
            return customerContactNotFound(facts, rule, situation);
        }
        Entitlement.Builder decision = Entitlement.of(rule, scenario)
                .requester(contact)
                .organization(customer)
                .subject(facts.subject())
                .trace(situation + ": the requester is " + contact.email() + ", contact of " + customer.describe()
                        + "; public replies go to the customer and the partner stays submitter");
        ccPartnerIfAsked(decision, facts);
        return servedUnderSubscription(decision, customer, facts.today());
    }

    // ENT-2 [000], [001]: the partner joins the CCs when it asks to, by the checkbox or in its own words.
    private static void ccPartnerIfAsked(Entitlement.Builder decision, TicketFacts facts) {
        Person partner = facts.submitter();
        Optional<String> request = facts.isCcPartnerChecked()
                ? Optional.of("CC partner is checked")
                : CcRequest.findIn(facts.partnerTroubleshooting())
                        .map(words -> "Partner troubleshooting asks \"" + words + "\"")
                        .or(() -> CcRequest.findIn(facts.description())
                                .map(words -> "the description asks \"" + words + "\""));
        request.ifPresentOrElse(
                asked -> decision.cc(partner).trace(asked + ": " + partner.email() + " is added to the CCs"),
                () -> decision.trace(partner.email() + " did not ask to be CC'd"));
    }

    // ENT-7 [000][001]: without a usable customer contact the partner keeps the ticket, with no organization and no SLA,
    // until an agent corrects the e-mail (ENT-8); an organization is never guessed from a domain (DIR-3).
    private Entitlement customerContactNotFound(TicketFacts facts, Rule tried, String situation) {
        return Entitlement.of(Rule.ENT_7, Scenario.CUSTOMER_CONTACT_NOT_FOUND)
                .requester(facts.submitter())
                .withoutOrganization()
                .subject(facts.subject())
                .servedUnder(ServedUnder.none())
                .supportLevel(SupportLevel.NONE)
                .flag(Flag.NEEDS_ORG)
                .trace(tried, situation + ": the requester should be the customer contact in Organization Email (partners)")
                .because(whyNoCustomerContact(facts) + "; the partner stays requester, with no organization and no SLA");
    }

    private static String whyNoCustomerContact(TicketFacts facts) {
        Person contact = facts.contactForOrganizationEmail();
        if (!facts.isOrganizationEmailGiven()) {
            return "Organization Email (partners) is empty";
        }
        if (contact == null) {
            return "Organization Email (partners) '" + String.valueOf(facts.organizationEmail()).strip()
                    + "' names no known contact";
        }
        Organization organization = contact.organization();
        return organization == null
                ? contact.email() + " belongs to no organization"
                : contact.email() + " is a contact of " + organization.describe() + ", not of a customer (DIR-3)";
    }

    // ENT-3 [000]: a Select partner managing the ticket for its customer gets Priority support, whatever the customer's plan.
    private Entitlement selectPartnerAsGoBetween(TicketFacts facts, Organization partner) {
        String forWhom = facts.customerNameGiven()
                .map(name -> " for customer '" + name + "'")
                .orElse(" (Customer Name (partners) not given)");
        return Entitlement.of(Rule.ENT_3, Scenario.SELECT_PARTNER_GO_BETWEEN)
                .requester(facts.submitter())
                .organization(partner)
                .subject(facts.subject())
                .servedUnder(ServedUnder.partnerProgram(partner))
                .supportLevel(SupportLevel.PRIORITY)
                .because(partner.describe() + " manages the ticket" + forWhom
                        + " as go-between: Priority support whatever the customer's plan");
    }

    // ENT-4 [000]: a partner of any track doing its own commercial work is served under the subscription it bought for itself.
    private Entitlement partnersOwnCommercialWork(TicketFacts facts, Organization partner) {
        String situation = facts.engagement() == Engagement.PARTNER_COMMERCIAL_WORK
                ? facts.form().title() + " form, engagement partner_commercial_work"
                : facts.form().title() + " form";
        Entitlement.Builder decision = Entitlement.of(Rule.ENT_4, Scenario.PARTNER_COMMERCIAL_WORK)
                .requester(facts.submitter())
                .organization(partner)
                .subject(facts.subject())
                .trace(situation + " from " + partner.describe() + ": its own work, under its own subscription");
        return servedUnderSubscription(decision, partner, facts.today());
    }

    // ENT-5 [000]: an Open or Select partner's own training, testing and demos run on its NFR license;
    // NFR software of alliance partners gets no technical support (DOMAIN-FACTS).
    private Entitlement partnerInternalTraining(TicketFacts facts, Organization partner) {
        Entitlement.Builder decision = Entitlement.of(Rule.ENT_5, Scenario.PARTNER_INTERNAL_TRAINING)
                .requester(facts.submitter())
                .organization(partner)
                .subject(facts.subject())
                .trace(facts.form().title() + " form, engagement partner_internal_training from "
                        + partner.describe() + ": served under an NFR license, never a subscription");
        if (partner.isPartnerOnTrack(PartnerTrack.ALLIANCE)) {
            return decision.servedUnder(ServedUnder.none())
                    .supportLevel(SupportLevel.NONE)
                    .flag(Flag.NO_ENTITLEMENT)
                    .because("no technical support for NFR software issued to alliance partners");
        }
        Optional<NfrLicense> active = partner.activeNfrLicense(facts.today());
        if (active.isEmpty()) {
            return withoutNfrLicense(decision, partner, facts.today());
        }
        NfrLicense license = active.get();
        SupportLevel level = license.plan().supportLevel();
        return decision.servedUnder(ServedUnder.nfrLicense(partner, license))
                .supportLevel(level)
                .because("served under NFR license #" + license.id() + " (" + license.plan().code() + ", "
                        + license.users() + " users, until " + license.endsOn() + "): " + level.code() + " support");
    }

    // ENT-5, PO-3: a partner without a valid NFR license is told how to request one rather than served under a plan.
    private static Entitlement withoutNfrLicense(Entitlement.Builder decision, Organization partner, LocalDate today) {
        String lapse = partner.latestNfrLicense()
                .map(license -> "NFR license #" + license.id() + " is not valid on " + today + " (it runs "
                        + license.startsOn() + " to " + license.endsOn() + ")")
                .orElse(partner.name() + " holds no NFR license");
        return decision.servedUnder(ServedUnder.none())
                .supportLevel(SupportLevel.NONE)
                .flag(Flag.NO_ENTITLEMENT)
                .publicReply("We support internal training, testing and demos under an NFR (not-for-resale) license,"
                        + " and your organization holds no valid one today. To get one, send an NFR request from the"
                        + " partner portal (PO-3) with the plan and number of users you need; Partner Operations checks"
                        + " your eligibility and Licensing issues the license.")
                .because(lapse + ": no entitlement; the partner is told how to request an NFR license (PO-3)");
    }

    // ENT-6 [004]: the alliance partner's support team did first level and hands over; we give second and third level at Priority.
    private Entitlement allianceHandover(TicketFacts facts, Organization partner) {
        Entitlement.Builder decision = Entitlement.of(Rule.ENT_6, Scenario.ALLIANCE_PARTNER_HANDOVER)
                .requester(facts.submitter())
                .organization(partner)
                .servedUnder(ServedUnder.allianceCollaboration(partner))
                .supportLevel(SupportLevel.PRIORITY)
                .supportTier(SupportTier.L2_L3)
                .trace(partner.describe() + " hands the ticket over after first-level triage; its priority is accepted as set");
        nameAllianceTicket(decision, facts);
        if (!facts.hasCcBesidesSubmitter()) {
            decision.flag(Flag.CUSTOMER_CC_MISSING)
                    .trace("no customer on the CCs at creation: accepted and flagged, as agents never add contacts (TKT-2)");
        }
        return decision.because("shared customer served at tier L2/L3 with Priority support under the alliance collaboration");
    }

    // ENT-6 [004]: the subject names the customer and the partner's own ticket; missing either, we keep it and ask.
    private static void nameAllianceTicket(Entitlement.Builder decision, TicketFacts facts) {
        Optional<String> customer = facts.customerNameGiven();
        Optional<String> ticketId = facts.allianceTicketIdGiven();
        if (customer.isPresent() && ticketId.isPresent()) {
            String subject = new AllianceTicketName(customer.get(), ticketId.get()).applyTo(facts.subject());
            decision.subject(subject).trace("subject named '" + subject + "'");
            return;
        }
        String missing = customer.isEmpty() && ticketId.isEmpty()
                ? "Customer Name (partners) and Alliance partner ticket ID"
                : customer.isEmpty() ? "Customer Name (partners)" : "Alliance partner ticket ID";
        decision.subject(facts.subject())
                .flag(Flag.CLARIFY)
                .internalNote("The alliance ticket has no " + missing + ", so it cannot be named 'Customer name -"
                        + " Alliance partner ticket ID - Subject' and escalations cannot quote the partner's ticket id.")
                .publicReply("Please give us the " + missing + " for this ticket, so that we can name it after the"
                        + " customer and your own ticket.")
                .trace(missing + " not given: subject kept as submitted and the partner is asked for it");
    }

    // ENT-10: a customer (or one of our own staff) files for its own organization, served under that organization's subscription.
    private Entitlement customerOnOwnSubscription(TicketFacts facts, Organization own) {
        Entitlement.Builder decision = Entitlement.of(Rule.ENT_10, Scenario.CUSTOMER)
                .requester(facts.submitter())
                .organization(own)
                .subject(facts.subject())
                .trace(facts.form().title() + " form from " + facts.submitter().email() + " of " + own.describe());
        return servedUnderSubscription(decision, own, facts.today());
    }

    // ENT-10: a user in no organization has no subscription to be served under, so no SLA until it is placed in one.
    private Entitlement userWithoutOrganization(TicketFacts facts) {
        return Entitlement.of(Rule.ENT_10, Scenario.CUSTOMER)
                .requester(facts.submitter())
                .withoutOrganization()
                .subject(facts.subject())
                .servedUnder(ServedUnder.none())
                .supportLevel(SupportLevel.NONE)
                .flag(Flag.NEEDS_ORG)
                .because(facts.submitter().email() + " belongs to no organization: nothing to serve under, no SLA");
    }

    // ENT-9 [000]: when no rule fits we ask instead of guessing a plan: clarify, no support level, a note and a question.
    private Entitlement unclear(TicketFacts facts, Doubt doubt) {
        return Entitlement.of(Rule.ENT_9, Scenario.UNCLEAR)
                .requester(facts.submitter())
                .organization(facts.submitterOrganization())
                .subject(facts.subject())
                .servedUnder(ServedUnder.none())
                .supportLevel(SupportLevel.NONE)
                .flag(Flag.CLARIFY)
                .internalNote(doubt.whatIsUnclear())
                .publicReply(doubt.question())
                .because(doubt.whatIsUnclear());
    }

    // DIR-5: the best active subscription gives the level; none active, or only a free one, is no entitlement.
    private static Entitlement servedUnderSubscription(Entitlement.Builder decision, Organization owner, LocalDate today) {
        Optional<Subscription> best = owner.bestActiveSubscription(today);
        if (best.isEmpty()) {
            String latest = owner.latestSubscription()
                    .map(s -> " (the latest, " + s.plan().code() + " #" + s.id() + ", runs " + s.startsOn() + " to "
                            + s.endsOn() + ")")
                    .orElse("");
            return decision.servedUnder(ServedUnder.none())
                    .supportLevel(SupportLevel.NONE)
                    .flag(Flag.NO_ENTITLEMENT)
                    .because(owner.describe() + " has no active subscription on " + today + latest + ": no entitlement");
        }
        Subscription subscription = best.get();
        SupportLevel level = subscription.supportLevel();
        decision.servedUnder(ServedUnder.subscription(owner, subscription)).supportLevel(level);
        String servedUnder = "served under " + subscription.plan().code() + " subscription #" + subscription.id()
                + " of " + owner.describe() + " (until " + subscription.endsOn() + ")";
        if (level == SupportLevel.NONE) {
            return decision.flag(Flag.NO_ENTITLEMENT).because(servedUnder + ": the free plan includes no support, no entitlement");
        }
        return decision.because(servedUnder + ": " + level.code() + " support");
    }
}
