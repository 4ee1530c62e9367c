package org.partnerdesk.ticket.ui;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.partnerdesk.directory.Organization;
import org.partnerdesk.directory.Organizations;
import org.partnerdesk.directory.User;
import org.partnerdesk.directory.Users;
import org.partnerdesk.ticket.Ticket;
import org.springframework.stereotype.Component;

/**
 * UI-1 portal, query budget: the requesters and organizations of a page of requests, one query each. The tickets come
 * from a facade that let this person see them (API-2), and a request names its requester and organization to them, as
 * the API's ticket does; nothing else of the directory is read.
 */
@Component
class RequestNames {

    private final Users users;
    private final Organizations organizations;

    RequestNames(Users users, Organizations organizations) {
        this.users = users;
        this.organizations = organizations;
    }

    List<RequestRow> rows(Collection<Ticket> tickets) {
        if (tickets.isEmpty()) {
            return List.of();
        }
        Map<Long, User> people = users.findAll(tickets.stream().map(Ticket::requesterId).distinct().toList()).stream()
                .collect(Collectors.toMap(User::id, Function.identity()));
        List<Long> organizationIds = tickets.stream().map(Ticket::organizationId).filter(Objects::nonNull).distinct().toList();
        Map<Long, Organization> named = organizationIds.isEmpty() ? Map.of() : organizations.findAll(organizationIds).stream()
                .collect(Collectors.toMap(Organization::id, Function.identity()));
        return tickets.stream().map(t -> new RequestRow(t.id(), t.subject(), RequestStatus.words(t.status()),
                name(people.get(t.requesterId()), t.requesterId()),
                t.organizationId() == null || !named.containsKey(t.organizationId()) ? null : named.get(t.organizationId()).name(),
                t.updatedAt())).toList();
    }

    static String name(@org.jspecify.annotations.Nullable User user, long id) {
        return user == null ? "user " + id : user.name();
    }
}
