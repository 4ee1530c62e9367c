package org.partnerdesk.escalation;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.util.List;
import java.util.Optional;

/**
 * TKT-7 [003]: who is the on-call support manager this week. The rule: take the ISO week number of the moment
 * (in UTC, weeks start on Monday, week 1 holds the year's first Thursday) and count through the rota from the
 * top, one person per week: week w goes to {@code rota[(w - 1) mod size]}. Years with 53 weeks start the count
 * again in week 1, so the first person may cover two weeks in a row at New Year.
 */
public record OnCallRota(List<Long> managerIds) {

    public OnCallRota {
        managerIds = List.copyOf(managerIds);
    }

    public Optional<Long> onCallAt(Instant at) {
        if (managerIds.isEmpty()) {
            return Optional.empty();
        }
        int week = at.atZone(ZoneOffset.UTC).get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
        return Optional.of(managerIds.get((week - 1) % managerIds.size()));
    }
}
