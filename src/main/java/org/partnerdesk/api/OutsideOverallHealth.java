package org.partnerdesk.api;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.health.actuate.endpoint.AdditionalHealthEndpointPath;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroup;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroups;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroupsPostProcessor;
import org.springframework.boot.health.actuate.endpoint.HttpCodeStatusMapper;
import org.springframework.boot.health.actuate.endpoint.StatusAggregator;

/**
 * Issues #11, #18: a health contributor the desk serves without (the mail server, the read replica) is left out of
 * {@code /actuator/health}'s overall status, which balancers read, so its outage never takes the node out; it is read in its
 * own group instead, added here when {@code group} is given (else configured in application.properties).
 */
public final class OutsideOverallHealth implements HealthEndpointGroupsPostProcessor {

    private final String contributor;
    private final @Nullable String group;

    public OutsideOverallHealth(String contributor, @Nullable String group) {
        this.contributor = contributor;
        this.group = group;
    }

    @Override
    public HealthEndpointGroups postProcessHealthEndpointGroups(HealthEndpointGroups groups) {
        Map<String, HealthEndpointGroup> named = new LinkedHashMap<>();
        for (String name : groups.getNames()) {
            named.put(name, groups.get(name));
        }
        HealthEndpointGroup primary = groups.getPrimary();
        if (group != null) {
            named.put(group, new Members(primary, contributor, true));
        }
        return HealthEndpointGroups.of(new Members(primary, contributor, false), named);
    }

    /** The primary group's settings; with {@code onlyIt} the contributor alone, else everything the primary has but it. */
    private record Members(HealthEndpointGroup primary, String contributor, boolean onlyIt) implements HealthEndpointGroup {

        @Override
        public boolean isMember(String name) {
            return onlyIt ? contributor.equals(name) : !contributor.equals(name) && primary.isMember(name);
        }

        @Override
        public boolean showComponents(SecurityContext securityContext) {
            return primary.showComponents(securityContext);
        }

        @Override
        public boolean showDetails(SecurityContext securityContext) {
            return primary.showDetails(securityContext);
        }

        @Override
        public StatusAggregator getStatusAggregator() {
            return primary.getStatusAggregator();
        }

        @Override
        public HttpCodeStatusMapper getHttpCodeStatusMapper() {
            return primary.getHttpCodeStatusMapper();
        }

        @Override
        public @Nullable AdditionalHealthEndpointPath getAdditionalPath() {
            return onlyIt ? null : primary.getAdditionalPath();
        }
    }
}
