package org.partnerdesk.notification;

import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * NTF-1, PO-6: mail the desk sends about a ticket carries a Message-ID that names the ticket, so a reply's In-Reply-To or
 * References leads back to it without a table of sent messages. {@code domain} is the domain of the desk's From address.
 */
public record TicketMessageId(long ticketId, String domain) {

    private static final Pattern OURS = Pattern.compile("<?partnerdesk\\.ticket-(\\d{1,18})(?:\\.[0-9a-f]+)?@([^>\\s]+)>?");

    public TicketMessageId {
        domain = domain.toLowerCase(Locale.ROOT);
    }

    /** For the mail of a desk whose From address is {@code fromAddress}. */
    public static TicketMessageId of(long ticketId, String fromAddress) {
        return new TicketMessageId(ticketId, domainOf(fromAddress));
    }

    /** A new id for one message about the ticket. */
    public String fresh() {
        return message(UUID.randomUUID().toString().replace("-", ""));
    }

    /** The id of one message about the ticket, {@code suffix} (hex) telling it from the others: the same for a re-sent copy. */
    public String message(String suffix) {
        return "<partnerdesk.ticket-" + ticketId + "." + suffix + "@" + domain + ">";
    }

    /** The ticket's thread: every message about it refers to this id, so mail clients group them. */
    public String thread() {
        return "<partnerdesk.ticket-" + ticketId + "@" + domain + ">";
    }

    /** The ticket a Message-ID of ours names; ids of other systems, or of another desk's domain, name none. */
    public static Optional<Long> ticketOf(String messageId, String fromAddress) {
        Matcher matcher = OURS.matcher(messageId.strip());
        if (!matcher.matches() || !matcher.group(2).equalsIgnoreCase(domainOf(fromAddress))) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(matcher.group(1)));
    }

    static String domainOf(String address) {
        String bare = address.strip();
        int lt = bare.lastIndexOf('<');
        if (lt >= 0) {
            bare = bare.substring(lt + 1, bare.indexOf('>', lt) < 0 ? bare.length() : bare.indexOf('>', lt));
        }
        return bare.substring(bare.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT);
    }
}
