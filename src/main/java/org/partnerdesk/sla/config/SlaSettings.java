package org.partnerdesk.sla.config;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.partnerdesk.sla.domain.BusinessCalendar;
import org.partnerdesk.sla.domain.Holiday;
import org.partnerdesk.sla.domain.Hours;
import org.partnerdesk.sla.domain.SlaTargets;
import org.partnerdesk.sla.domain.Target;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code partnerdesk.sla.*}: every SLA number and the business calendar; the defaults in application.properties are
 * DOMAIN-FACTS' tables, so a deployment with other hours or targets changes settings, not code.
 */
@ConfigurationProperties("partnerdesk.sla")
public record SlaSettings(BusinessHours businessHours, Map<String, Targets> priority, Targets standard, Targets licensing,
                          String unsetPriority,
                          Duration breachScanInterval) {

    public record BusinessHours(String zone, DayOfWeek opensOn, LocalTime opensAt, DayOfWeek closesOn, LocalTime closesAt,
                                List<String> holidays) {
    }

    public record Targets(Duration firstReply, Duration nextReply, Hours hours) {

        SlaTargets.PriorityTargets toTargets() {
            return new SlaTargets.PriorityTargets(new Target(firstReply, hours), new Target(nextReply, hours));
        }
    }

    public BusinessCalendar calendar() {
        return new BusinessCalendar(ZoneId.of(businessHours.zone()), businessHours.opensOn(), businessHours.opensAt(),
                businessHours.closesOn(), businessHours.closesAt(), businessHours.holidays().stream().map(Holiday::parse).toList());
    }

    public SlaTargets targets() {
        Map<String, SlaTargets.PriorityTargets> byPriority = new LinkedHashMap<>();
        priority.forEach((name, t) -> byPriority.put(name, t.toTargets()));
        return new SlaTargets(byPriority, standard.toTargets(), licensing.toTargets(), unsetPriority);
    }
}
