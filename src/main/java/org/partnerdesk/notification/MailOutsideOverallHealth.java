package org.partnerdesk.notification;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.health.actuate.endpoint.AdditionalHealthEndpointPath;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroup;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroups;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroupsPostProcessor;
import org.springframework.boot.health.actuate.endpoint.HttpCodeStatusMapper;
import org.springframework.boot.health.actuate.endpoint.StatusAggregator;

/**
 * Issue #11: the mail server is not part of {@code /actuator/health}'s overall status, which balancers read: with the
 * mail server down the desk still serves its API (mail waits in the outbox), so the node must stay in. The mail status
 * is its own group, {@code /actuator/health/mail}.
 */
class MailOutsideOverallHealth implements HealthEndpointGroupsPostProcessor {

    static final String SMTP = "smtp"; // the contributor (MailHealth); the group of the same purpose is "mail"

    @Override
    public HealthEndpointGroups postProcessHealthEndpointGroups(HealthEndpointGroups groups) {
        Map<String, HealthEndpointGroup> named = new LinkedHashMap<>();
        for (String name : groups.getNames()) {
            named.put(name, groups.get(name));
        }
        return HealthEndpointGroups.of(new WithoutMail(groups.getPrimary()), named);
    }

    private record WithoutMail(HealthEndpointGroup primary) implements HealthEndpointGroup {

        @Override
        public boolean isMember(String name) {
            return !SMTP.equals(name) && primary.isMember(name);
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
        public AdditionalHealthEndpointPath getAdditionalPath() {
            return primary.getAdditionalPath();
        }
    }
}
