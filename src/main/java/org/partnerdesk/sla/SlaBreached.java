package org.partnerdesk.sla;

import java.time.Instant;

/** TKT-4: a reply clock ran past its due time; published once per metric, by the one node whose scan marked it. */
public record SlaBreached(long ticketId, String metric, Instant breachAt) {
}
