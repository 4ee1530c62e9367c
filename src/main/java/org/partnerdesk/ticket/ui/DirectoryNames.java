package org.partnerdesk.ticket.ui;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.partnerdesk.api.Actor;
import org.partnerdesk.directory.Organization;
import org.partnerdesk.directory.Organizations;
import org.partnerdesk.directory.User;
import org.partnerdesk.directory.Users;
import org.partnerdesk.ticket.Ticket;
import org.springframework.stereotype.Component;

/** UI-1 query budget: the people and organizations a page names, read in one query each, never one per row. */
@Component
class DirectoryNames {

    private final Users users;
    private final Organizations organizations;

    DirectoryNames(Users users, Organizations organizations) {
        this.users = users;
        this.organizations = organizations;
    }

    /** What the page names, by id. */
    record Names(Map<Long, User> users, Map<Long, Organization> organizations) {

        @Nullable Organization organization(@Nullable Long id) {
            return id == null ? null : organizations.get(id);
        }

        List<TicketRow> rows(List<Ticket> tickets) {
            return tickets.stream().map(t -> new TicketRow(t, users.get(t.requesterId()), organization(t.organizationId()))).toList();
        }
    }

    /** The requesters and organizations of these tickets, and any further organizations the page names. */
    Names of(Actor actor, Collection<Ticket> tickets, Collection<Long> moreOrganizations) {
        List<Long> userIds = tickets.stream().map(Ticket::requesterId).distinct().toList();
        List<Long> organizationIds = Stream.concat(tickets.stream().map(Ticket::organizationId), moreOrganizations.stream())
                .filter(Objects::nonNull).distinct().toList();
        return new Names(
                userIds.isEmpty() ? Map.of() : byId(users.findMany(actor, userIds), User::id),
                organizationIds.isEmpty() ? Map.of() : byId(organizations.findMany(actor, organizationIds), Organization::id));
    }

    Names of(Actor actor, Collection<Ticket> tickets) {
        return of(actor, tickets, List.of());
    }

    private static <T> Map<Long, T> byId(List<T> found, Function<T, Long> id) {
        return found.stream().collect(Collectors.toMap(id, Function.identity()));
    }
}
