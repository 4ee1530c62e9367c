package org.partnerdesk.directory;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * DIR-1, TKT-8, TKT-9: what an organization's fields may hold, in one place for the API's JSON and the operations
 * console's form, so both refuse the same things. Each problem has the API's words (read after the field's name) and a
 * sentence for the form, next to the field.
 */
public final class OrganizationRules {

    public static final int LONGEST_NAME = 255;
    public static final int LONGEST_TEXT = 10_000;
    public static final int LONGEST_DOMAIN = 253;
    public static final int MOST_DOMAINS = 50;
    public static final int LONGEST_WEBHOOK = 2_000;

    private static final Pattern DOMAIN = Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+");
    private static final Pattern WEBHOOK = Pattern.compile("https?://\\S+");

    private OrganizationRules() {
    }

    /** The fields the rules below speak of. */
    public enum Field { DOMAINS, TRACK, SPECIAL_PROCESS, CHAT_WEBHOOK_URL }

    /** One refused field: {@code detail} in the API's words after the field name, {@code sentence} for a person at the form. */
    public record Problem(Field field, String detail, String sentence) {
    }

    /**
     * The problems of these values together, at most one per field; {@code type} null when it was not given or not known
     * (its own problem), {@code domainNames} lower case.
     */
    public static List<Problem> problems(@Nullable OrganizationType type, @Nullable PartnerTrack track, List<String> domainNames,
                                         @Nullable String specialProcess, @Nullable String chatWebhookUrl) {
        List<Problem> problems = new ArrayList<>();
        // DIR-1: a domain places contacts by their e-mail address, so it must be one's part after the @
        domainNames.stream().filter(d -> d.length() > LONGEST_DOMAIN || !DOMAIN.matcher(d).matches()).findFirst()
                .ifPresent(d -> problems.add(new Problem(Field.DOMAINS, "holds \"" + d + "\", which is not an e-mail domain such as acme.test (DIR-1)",
                        "\"" + d + "\" is not an e-mail domain such as acme.test; give the part after the @, one domain after another,"
                                + " separated by commas.")));
        // DIR-1: only partner organizations have a partner track
        if (track != null && type != null && type != OrganizationType.PARTNER) {
            problems.add(new Problem(Field.TRACK, "is for partner organizations only (DIR-1)",
                    "Only partner organizations have a partner track (DIR-1): choose no track, or make it a partner."));
        }
        // TKT-9: the special-process note is pinned on partners' tickets
        if (specialProcess != null && !specialProcess.isBlank() && type != OrganizationType.PARTNER) {
            problems.add(new Problem(Field.SPECIAL_PROCESS, "is for partner organizations only (TKT-9)",
                    "A special process is for partner organizations only (TKT-9): leave it empty, or make it a partner."));
        }
        // TKT-8: alliance partners' tickets are announced in their #a_ channel
        if (chatWebhookUrl != null && !chatWebhookUrl.isBlank()) {
            if (track != PartnerTrack.ALLIANCE || (type != null && type != OrganizationType.PARTNER)) {
                problems.add(new Problem(Field.CHAT_WEBHOOK_URL, "is for alliance partners' #a_ channels only (TKT-8)",
                        "A chat webhook is for alliance partners' #a_ channels only (TKT-8): leave it empty, or put the partner on the"
                                + " alliance track."));
            } else if (!WEBHOOK.matcher(chatWebhookUrl).matches()) {
                problems.add(new Problem(Field.CHAT_WEBHOOK_URL, "must be an http(s) incoming-webhook URL",
                        "Give the incoming webhook's address, beginning with https:// (or http://)."));
            }
        }
        return problems;
    }
}
