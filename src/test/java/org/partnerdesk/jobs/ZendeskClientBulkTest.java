package org.partnerdesk.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.partnerdesk.Desk;
import org.partnerdesk.ZendeskClientTest;
import org.zendesk.client.v2.model.Comment;
import org.zendesk.client.v2.model.JobResult;
import org.zendesk.client.v2.model.JobStatus;
import org.zendesk.client.v2.model.Organization;
import org.zendesk.client.v2.model.Status;
import org.zendesk.client.v2.model.Ticket;
import org.zendesk.client.v2.model.User;

/**
 * API-1, issue #17 item 3: the real, unchanged zendesk-java-client syncs users and organizations (create_or_update,
 * create_many), updates tickets in bulk and follows the jobs by their status, as a CRM sync does.
 */
class ZendeskClientBulkTest extends ZendeskClientTest {

    @Test
    void theZendeskClientCreatesThenUpdatesAUserByItsExternalId() {
        String externalId = Desk.unique("crm-contact");
        User user = new User();
        user.setName("Ann Sync");
        user.setEmail(Desk.unique("ann").toLowerCase() + "@people.test");
        user.setExternalId(externalId);

        User created = zendesk.createOrUpdateUser(user);
        user.setName("Ann Synced Again");
        User updated = zendesk.createOrUpdateUser(user);

        assertThat(created.getId()).isNotNull();
        assertThat(updated.getId()).isEqualTo(created.getId());
        assertThat(zendesk.getUser(created.getId()).getName()).isEqualTo("Ann Synced Again");
        assertThat(zendesk.getUser(created.getId()).getExternalId()).isEqualTo(externalId);
    }

    @Test
    void theZendeskClientCreatesManyUsersAndReadsTheJobStatus() {
        List<User> users = List.of(aUser("one"), aUser("two"), aUser("three"));

        JobStatus queued = zendesk.createUsers(users);
        JobStatus done = completed(queued);

        assertThat(done.getTotal()).isEqualTo(3);
        assertThat(done.getProgress()).isEqualTo(3);
        assertThat(done.getResults()).hasSize(3).allSatisfy(result -> assertThat(result.getStatus()).isEqualTo("Created"));
        for (int i = 0; i < users.size(); i++) {
            assertThat(zendesk.getUser(id(done.getResults().get(i))).getEmail()).isEqualTo(users.get(i).getEmail());
        }
        assertThat(zendesk.getJobStatuses(List.of(queued))).extracting(JobStatus::getId).containsExactly(queued.getId());
    }

    @Test
    void theZendeskClientCreatesOrUpdatesAnOrganizationAndCreatesMany() {
        Organization organization = new Organization();
        organization.setName(Desk.unique("Sync Org"));
        organization.setExternalId(Desk.unique("crm-account"));
        organization.setOrganizationFields(Map.of("org_type", "customer"));
        Organization created = zendesk.createOrUpdateOrganization(organization);
        organization.setNotes("synced again");
        Organization updated = zendesk.createOrUpdateOrganization(organization);

        Organization another = new Organization();
        another.setName(Desk.unique("Sync Org"));
        another.setOrganizationFields(Map.of("org_type", "customer"));
        JobStatus done = completed(zendesk.createOrganizations(List.of(another)));

        assertThat(updated.getId()).isEqualTo(created.getId());
        assertThat(zendesk.getOrganization(created.getId()).getNotes()).isEqualTo("synced again");
        assertThat(done.getResults()).singleElement().satisfies(result -> assertThat(result.getStatus()).isEqualTo("Created"));
        assertThat(zendesk.getOrganization(id(done.getResults().getFirst())).getName()).isEqualTo(another.getName());
    }

    @Test
    void theZendeskClientUpdatesManyTicketsAsAJob() {
        Ticket first = zendesk.createTicket(aTicket());
        Ticket second = zendesk.createTicket(aTicket());
        first.setStatus(Status.PENDING);
        second.setStatus(Status.PENDING);

        JobStatus done = completed(zendesk.updateTickets(List.of(first, second)));

        assertThat(done.getResults()).extracting(JobResult::getStatus).containsExactly("Updated", "Updated");
        assertThat(zendesk.getTicket(first.getId()).getStatus()).isEqualTo(Status.PENDING);
        assertThat(zendesk.getTicket(second.getId()).getStatus()).isEqualTo(Status.PENDING);
    }

    private JobStatus completed(JobStatus queued) {
        assertThat(queued.getId()).isNotBlank();
        assertThat(queued.getStatus()).isNotNull();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(deadline)) {
            JobStatus now = zendesk.getJobStatus(queued);
            if (now.getStatus() == JobStatus.JobStatusEnum.completed) {
                return now;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("job " + queued.getId() + " did not complete");
    }

    // the client's JobResult is a map of what the JSON held: a small id reads back as an Integer
    private static long id(JobResult result) {
        return ((Number) result.get(JobResult.ID)).longValue();
    }

    private static User aUser(String name) {
        User user = new User();
        user.setName(name);
        user.setEmail(Desk.unique(name).toLowerCase() + "@people.test");
        return user;
    }

    private static Ticket aTicket() {
        Ticket ticket = new Ticket();
        ticket.setSubject("Bulk from the client");
        ticket.setComment(new Comment("Please look"));
        ticket.setTicketFormId(Desk.SUPPORT_FORM);
        return ticket;
    }
}
