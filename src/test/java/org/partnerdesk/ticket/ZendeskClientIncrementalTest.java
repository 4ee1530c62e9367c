package org.partnerdesk.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.partnerdesk.Desk;
import org.partnerdesk.Desk.Account;
import org.partnerdesk.Desk.Org;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.partnerdesk.ZendeskClientTest;
import org.zendesk.client.v2.model.Comment;
import org.zendesk.client.v2.model.Organization;
import org.zendesk.client.v2.model.Status;
import org.zendesk.client.v2.model.Ticket;
import org.zendesk.client.v2.model.User;

/**
 * Issue #17: the real, unchanged zendesk-java-client reads the desk's incremental exports (time-based, the ones it
 * offers). Each test moves its records' change times to seconds of its own in 2002, so an export from there starts
 * with them.
 */
class ZendeskClientIncrementalTest extends ZendeskClientTest {

    private static final AtomicLong STRETCHES = new AtomicLong(1_009_843_200L + ThreadLocalRandom.current().nextLong(100) * 100_000L);

    @Autowired
    JdbcClient db;

    private final long t = STRETCHES.addAndGet(100_000L);

    @Test
    void theZendeskClientExportsTicketsChangedSinceADateDeletedOnesIncluded() {
        List<Ticket> filed = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Ticket ticket = new Ticket();
            ticket.setSubject(Desk.unique("Incremental"));
            ticket.setComment(new Comment("Body " + i));
            ticket.setTicketFormId(Desk.SUPPORT_FORM);
            filed.add(zendesk.createTicket(ticket));
        }
        changedAt("tickets", filed.get(0).getId(), t + 2);
        changedAt("tickets", filed.get(1).getId(), t + 1);
        db.sql("update tickets set deleted_at = now() where id = ?").param(filed.get(2).getId()).update();
        changedAt("tickets", filed.get(2).getId(), t + 3);

        List<Ticket> exported = first(3, zendesk.getTicketsIncrementally(new Date(t * 1000)));

        assertThat(exported).extracting(Ticket::getId)
                .containsExactly(filed.get(1).getId(), filed.get(0).getId(), filed.get(2).getId());
        Ticket shown = zendesk.getTicket(filed.get(1).getId());
        assertThat(exported.getFirst().getSubject()).isEqualTo(shown.getSubject());
        assertThat(exported.getFirst().getStatus()).isEqualTo(shown.getStatus());
        assertThat(exported.getFirst().getUpdatedAt()).isEqualTo(shown.getUpdatedAt());
        assertThat(exported.getLast().getStatus()).isEqualTo(Status.DELETED);
    }

    @Test
    void theZendeskClientExportsUsersAndOrganizationsChangedSinceADate() {
        Org acme = desk.aCustomer();
        Account ann = desk.endUserIn(acme);
        Account bob = desk.endUserIn(acme);
        changedAt("users", bob.id(), t + 1);
        changedAt("users", ann.id(), t + 2);
        changedAt("organizations", acme.id(), t + 1);

        List<User> users = first(2, zendesk.getUsersIncrementally(new Date(t * 1000)));
        List<Organization> organizations = first(1, zendesk.getOrganizationsIncrementally(new Date(t * 1000)));

        assertThat(users).extracting(User::getId).containsExactly(bob.id(), ann.id());
        assertThat(users.getFirst().getEmail()).isEqualTo(bob.email());
        assertThat(organizations).extracting(Organization::getId).containsExactly(acme.id());
        assertThat(organizations.getFirst().getName()).isEqualTo(acme.name());
    }

    private static <T> List<T> first(int count, Iterable<T> export) {
        List<T> items = new ArrayList<>();
        Iterator<T> it = export.iterator();
        while (items.size() < count && it.hasNext()) {
            items.add(it.next());
        }
        return items;
    }

    private void changedAt(String table, long id, long epochSecond) {
        assertThat(db.sql("update " + table + " set updated_at = ? where id = ?")
                .params(Timestamp.from(Instant.ofEpochSecond(epochSecond)), id).update()).isEqualTo(1);
    }
}
