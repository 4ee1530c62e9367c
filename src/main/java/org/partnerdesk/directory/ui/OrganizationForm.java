package org.partnerdesk.directory.ui;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.partnerdesk.directory.Organization;
import org.partnerdesk.directory.OrganizationDetails;
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

    private static final int MOST_DOMAINS = 50;

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

    /** The problems with what was typed, by form field, in words; the same rules the API checks (DIR-1, TKT-8, TKT-9). */
    Map<String, String> problems() {
        Map<String, String> problems = new LinkedHashMap<>();
        if (text(name) == null) {
            problems.put("name", "Give the organization a name.");
        } else if (text(name).length() > 255) {
            problems.put("name", "A name is at most 255 characters; this one has " + text(name).length() + ".");
        }
        OrganizationType chosenType = type == null ? null : OrganizationType.fromCode(type).orElse(null);
        if (chosenType == null) {
            problems.put("type", "Choose customer, partner or internal.");
        }
        PartnerTrack chosenTrack = text(track) == null ? null : PartnerTrack.fromCode(track).orElse(null);
        if (text(track) != null && chosenTrack == null) {
            problems.put("track", "Choose open, select, alliance or distributor, or no track.");
        } else if (chosenTrack != null && chosenType != OrganizationType.PARTNER) {
            problems.put("track", "Only partner organizations have a partner track (DIR-1): choose no track, or make it a partner.");
        }
        if (tooLong(externalId, 255)) {
            problems.put("externalId", "A CRM account id is at most 255 characters.");
        }
        if (tooLong(parentCompany, 255)) {
            problems.put("parentCompany", "A parent company's name is at most 255 characters.");
        }
        List<String> domainList = domainList();
        if (domainList.size() > MOST_DOMAINS) {
            problems.put("domains", "At most " + MOST_DOMAINS + " e-mail domains; this list has " + domainList.size() + ".");
        }
        domainList.stream().filter(d -> !d.matches("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+") || d.length() > 253)
                .findFirst().ifPresent(d -> problems.put("domains", "\"" + d + "\" is not an e-mail domain such as acme.test;"
                        + " give the part after the @, one domain after another, separated by commas."));
        if (text(specialProcess) != null && chosenType != OrganizationType.PARTNER) {
            problems.put("specialProcess", "A special process is for partner organizations only (TKT-9): leave it empty, or make it a partner.");
        } else if (tooLong(specialProcess, 10_000)) {
            problems.put("specialProcess", "A special process is at most 10,000 characters.");
        }
        if (text(chatWebhookUrl) != null) {
            if (chosenTrack != PartnerTrack.ALLIANCE || chosenType != OrganizationType.PARTNER) {
                problems.put("chatWebhookUrl", "A chat webhook is for alliance partners' #a_ channels only (TKT-8): leave it empty,"
                        + " or put the partner on the alliance track.");
            } else if (!text(chatWebhookUrl).matches("https?://\\S+") || text(chatWebhookUrl).length() > 2_000) {
                problems.put("chatWebhookUrl", "Give the incoming webhook's address, beginning with https:// (or http://).");
            }
        }
        if (tooLong(notes, 10_000)) {
            problems.put("notes", "Notes are at most 10,000 characters.");
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
