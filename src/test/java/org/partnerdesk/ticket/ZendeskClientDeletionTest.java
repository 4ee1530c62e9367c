package org.partnerdesk.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.partnerdesk.ZendeskClientTest;
import org.zendesk.client.v2.model.Comment;
import org.zendesk.client.v2.model.DeletedTicket;
import org.zendesk.client.v2.model.JobStatus;
import org.zendesk.client.v2.model.SortOrder;
import org.zendesk.client.v2.model.Status;
import org.zendesk.client.v2.model.Ticket;

/**
 * Issue #17 item 5 through the real zendesk-java-client: deleteTicket, deleteTickets (destroy_many, a completed job
 * status) and getDeletedTickets, cursor-paged or sorted by deletion time. The client has no restore.
 */
class ZendeskClientDeletionTest extends ZendeskClientTest {

    @Test
    void theClientDeletesATicketAndFindsItInTheBin() {
        Ticket ticket = zendesk.createTicket(aTicket("Deleted through the Zendesk client"));

        zendesk.deleteTicket(ticket.getId());

        assertThatMissing(ticket.getId());
        DeletedTicket shown = inBin(zendesk.getDeletedTickets(), ticket.getId());
        assertThat(shown.getSubject()).isEqualTo("Deleted through the Zendesk client");
        assertThat(shown.getDescription()).isEqualTo("Body from the client");
        assertThat(shown.getPreviousState()).isEqualTo(Status.NEW);
        assertThat(shown.getActor().getId()).isPositive();
        assertThat(shown.getActor().getName()).isNotBlank();
        assertThat(shown.getDeletedAt()).isBefore(new Date(System.currentTimeMillis() + 5_000));
    }

    @Test
    void theClientDeletesManyAtOnceAndListsTheBinNewestDeletionFirst() {
        Ticket first = zendesk.createTicket(aTicket("Bulk deleted one"));
        Ticket second = zendesk.createTicket(aTicket("Bulk deleted two"));
        Ticket last = zendesk.createTicket(aTicket("Deleted last"));

        JobStatus job = zendesk.deleteTickets(first.getId(), second.getId());
        zendesk.deleteTicket(last.getId());

        assertThat(job.getStatus()).isEqualTo(JobStatus.JobStatusEnum.completed);
        assertThat(job.getTotal()).isEqualTo(2);
        assertThatMissing(first.getId());
        assertThatMissing(second.getId());
        List<Long> newestFirst = new ArrayList<>();
        zendesk.getDeletedTickets("deleted_at", SortOrder.DESCENDING).forEach(d -> newestFirst.add(d.getId()));
        assertThat(newestFirst).contains(first.getId(), second.getId());
        assertThat(newestFirst.getFirst()).isEqualTo(last.getId());
    }

    private static Ticket aTicket(String subject) {
        Ticket ticket = new Ticket();
        ticket.setSubject(subject);
        ticket.setComment(new Comment("Body from the client"));
        return ticket;
    }

    // the client answers a 404 with null
    private void assertThatMissing(long id) {
        assertThat(zendesk.getTicket(id)).as("ticket " + id).isNull();
    }

    private static DeletedTicket inBin(Iterable<DeletedTicket> bin, long id) {
        for (DeletedTicket deleted : bin) {
            if (deleted.getId() == id) {
                return deleted;
            }
        }
        throw new AssertionError("ticket " + id + " is not in the bin");
    }
}
