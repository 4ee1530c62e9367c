package org.partnerdesk.directory.ui;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.partnerdesk.directory.Organization;
import org.partnerdesk.directory.OrganizationDetails;
import org.partnerdesk.directory.OrganizationRules;
import org.partnerdesk.directory.OrganizationType;
import org.partnerdesk.directory.PartnerTrack;

/**
 * UI-1 (#16) an organization as typed into the operations console's form (DIR-1): every field as text, kept as typed
 * so a refused form comes back with the person's input; checkboxes are "true" when ticked.
 */
record OrganizationForm(@Nullable String name, @Nullable String externalId, @Nullable String type, @Nullable String track,
                        @Nullable String trackCompliant, @Nullable String parentCompany, @Nullable String domains,
                        @Nullable String sharesTickets, @Nullable String specialProcess, @Nullable String chatWebhookUrl,
                        @Nullable String notes) {

    static OrganizationForm blank() {
        return new OrganizationForm("", "", "customer", "", "true", "", "", null, "", "", "");
    }

    static OrganizationForm of(Organization o) {
        return new OrganizationForm(o.name(), orEmpty(o.externalId()), o.type().code(), o.track() == null ? "" : o.track().code(),
                o.trackCompliant() ? "true" : null, orEmpty(o.parentCompany()), String.join(", ", o.domainNames()),
                o.sharesTickets() ? "true" : null, orEmpty(o.specialProcess()), orEmpty(o.chatWebhookUrl()), orEmpty(o.notes()));
    }

    public boolean isTicked(@Nullable String checkbox) {
        return "true".equals(checkbox);
    }

    /**
     * The problems with what was typed, by form field, in words: the text this form reads itself (a name, a choice, a
     * length), then the rules the API checks too, from one place ({@link OrganizationRules}: DIR-1, TKT-8, TKT-9).
     */
    Map<String, String> problems() {
        Map<String, String> problems = new LinkedHashMap<>();
        OrganizationType chosenType = type == null ? null : OrganizationType.fromCode(type).orElse(null);
        PartnerTrack chosenTrack = text(track) == null ? null : PartnerTrack.fromCode(track).orElse(null);
        if (text(name) == null) {
            problems.put("name", "Give the organization a name.");
        } else if (text(name).length() > OrganizationRules.LONGEST_NAME) {
            problems.put("name", "A name is at most " + OrganizationRules.LONGEST_NAME + " characters; this one has " + text(name).length() + ".");
        }
        if (chosenType == null) {
            problems.put("type", "Choose customer, partner or internal.");
        }
        if (text(track) != null && chosenTrack == null) {
            problems.put("track", "Choose open, select, alliance or distributor, or no track.");
        }
        for (OrganizationRules.Problem problem : OrganizationRules.problems(chosenType, chosenTrack, domainList(), text(specialProcess),
                text(chatWebhookUrl))) {
            problems.putIfAbsent(switch (problem.field()) {
                case DOMAINS -> "domains";
                case TRACK -> "track";
                case SPECIAL_PROCESS -> "specialProcess";
                case CHAT_WEBHOOK_URL -> "chatWebhookUrl";
            }, problem.sentence());
        }
        if (tooLong(externalId, OrganizationRules.LONGEST_NAME)) {
            problems.putIfAbsent("externalId", "A CRM account id is at most " + OrganizationRules.LONGEST_NAME + " characters.");
        }
        if (tooLong(parentCompany, OrganizationRules.LONGEST_NAME)) {
            problems.putIfAbsent("parentCompany", "A parent company's name is at most " + OrganizationRules.LONGEST_NAME + " characters.");
        }
        if (domainList().size() > OrganizationRules.MOST_DOMAINS) {
            problems.putIfAbsent("domains", "At most " + OrganizationRules.MOST_DOMAINS + " e-mail domains; this list has " + domainList().size() + ".");
        }
        if (tooLong(specialProcess, OrganizationRules.LONGEST_TEXT)) {
            problems.putIfAbsent("specialProcess", "A special process is at most 10,000 characters.");
        }
        if (tooLong(chatWebhookUrl, OrganizationRules.LONGEST_WEBHOOK)) {
            problems.putIfAbsent("chatWebhookUrl", "Give the incoming webhook's address, beginning with https:// (or http://).");
        }
        if (tooLong(notes, OrganizationRules.LONGEST_TEXT)) {
            problems.putIfAbsent("notes", "Notes are at most 10,000 characters.");
        }
        return problems;
    }

    /** What the facade takes; call once {@link #problems()} found none. */
    OrganizationDetails details() {
        return new OrganizationDetails(text(name), text(externalId), OrganizationType.fromCode(type).orElseThrow(),
                text(track) == null ? null : PartnerTrack.fromCode(track).orElseThrow(), isTicked(trackCompliant), text(parentCompany),
                text(notes), domainList(), isTicked(sharesTickets), text(specialProcess), text(chatWebhookUrl));
    }

    private List<String> domainList() {
        if (domains == null) {
            return List.of();
        }
        return Arrays.stream(domains.split("[,\\s]+")).map(d -> d.strip().toLowerCase(Locale.ROOT)).filter(d -> !d.isEmpty())
                .distinct().toList();
    }

    private static boolean tooLong(@Nullable String value, int most) {
        return value != null && value.strip().length() > most;
    }

    private static @Nullable String text(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String orEmpty(@Nullable String value) {
        return value == null ? "" : value;
    }
}
