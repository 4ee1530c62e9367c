package org.partnerdesk.escalation;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code partnerdesk.star.*} (TKT-7): how old a ticket must be before it can be starred, how soon each urgency is
 * answered, and the on-call rota as e-mail addresses (empty: the members of Support Managers, by id).
 */
@ConfigurationProperties("partnerdesk.star")
public record StarSettings(Duration minimumAge, RespondWithin respondWithin, List<String> onCall) {

    public StarSettings {
        onCall = onCall == null ? List.of() : onCall.stream().map(String::strip).filter(e -> !e.isEmpty()).toList();
    }

    public record RespondWithin(Duration notUrgent, Duration timely, Duration urgent) {
    }

    public Duration respondWithin(Urgency urgency) {
        return switch (urgency) {
            case NOT_URGENT -> respondWithin.notUrgent();
            case TIMELY -> respondWithin.timely();
            case URGENT -> respondWithin.urgent();
        };
    }
}
