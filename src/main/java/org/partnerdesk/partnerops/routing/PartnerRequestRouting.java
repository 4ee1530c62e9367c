package org.partnerdesk.partnerops.routing;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import org.partnerdesk.directory.Groups;
import org.partnerdesk.ticket.IntakeRouting;
import org.partnerdesk.ticket.TicketForms;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * PO-6 [003]: a ticket on the Partner Operations form belongs to the team its {@code Request type} names; one-on-one
 * training is answered with the self-service material and solved. Group ids are read once: the teams are built in (DIR-8).
 */
@Component
@EnableConfigurationProperties(SelfServiceMaterial.class)
class PartnerRequestRouting implements IntakeRouting {

    static final String FORM = "Partner Operations";

    private final long formId;
    private final long requestTypeField;
    private final Map<RequestType, Long> owners = new EnumMap<>(RequestType.class);
    private final String selfServiceAnswer;

    PartnerRequestRouting(TicketForms forms, Groups groups, SelfServiceMaterial material) {
        this.formId = forms.formNamed(FORM).id();
        this.requestTypeField = forms.fieldId(TicketForms.REQUEST_TYPE);
        for (RequestType type : RequestType.values()) {
            owners.put(type, groups.idOf(type.owner()));
        }
        this.selfServiceAnswer = material.answer();
    }

    @Override
    public long formId() {
        return formId;
    }

    @Override
    public Route route(Map<Long, Object> customFields) {
        Object given = customFields.get(requestTypeField);
        // mail to the partner support address and forms sent without a type are Partner Operations' to sort out
        RequestType type = given == null ? RequestType.OTHER : RequestType.fromCode(given.toString()).orElse(RequestType.OTHER);
        String reason = "PO-6: request type " + (given == null ? "not given" : type.code()) + " is owned by " + type.owner();
        return new Route(owners.get(type), reason, type == RequestType.TRAINING_ONE_ON_ONE ? selfServiceAnswer : null);
    }

    // an agent changed the type: the new type's team owns it; no self-service answer, an agent is already on the ticket
    @Override
    public @Nullable Route reroute(Map<Long, Object> before, Map<Long, Object> after) {
        if (Objects.equals(before.get(requestTypeField), after.get(requestTypeField))) {
            return null;
        }
        Route route = route(after);
        return new Route(route.groupId(), route.reason().replace("PO-6: request type", "PO-6: request type changed to"), null);
    }
}
