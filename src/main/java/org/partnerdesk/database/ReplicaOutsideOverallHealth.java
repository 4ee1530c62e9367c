package org.partnerdesk.database;

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
 * Issue #18: the replica is not part of {@code /actuator/health} (nor readiness, which names its members): without it the
 * desk reads from the primary, so a balancer must not take the node out. Its own group, {@code /actuator/health/replica},
 * is added here rather than in application.properties, since the contributor exists only with a replica configured.
 */
final class ReplicaOutsideOverallHealth implements HealthEndpointGroupsPostProcessor {

    @Override
    public HealthEndpointGroups postProcessHealthEndpointGroups(HealthEndpointGroups groups) {
        Map<String, HealthEndpointGroup> named = new LinkedHashMap<>();
        for (String name : groups.getNames()) {
            named.put(name, groups.get(name));
        }
        HealthEndpointGroup primary = groups.getPrimary();
        named.put(ReplicaHealth.GROUP, new Members(primary, true));
        return HealthEndpointGroups.of(new Members(primary, false), named);
    }

    /** The primary group's settings; with {@code onlyReplica} the replica alone, else everything the primary has but it. */
    private record Members(HealthEndpointGroup primary, boolean onlyReplica) implements HealthEndpointGroup {

        @Override
        public boolean isMember(String name) {
            return onlyReplica ? ReplicaHealth.NAME.equals(name) : !ReplicaHealth.NAME.equals(name) && primary.isMember(name);
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
            return onlyReplica ? null : primary.getAdditionalPath();
        }
    }
}
