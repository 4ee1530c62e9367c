package org.partnerdesk.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.partnerdesk.Desk;
import org.partnerdesk.ZendeskClientTest;
import org.zendesk.client.v2.Zendesk;
import org.zendesk.client.v2.model.Comment;
import org.zendesk.client.v2.model.CustomFieldValue;
import org.zendesk.client.v2.model.Organization;
import org.zendesk.client.v2.model.Ticket;
import org.zendesk.client.v2.model.User;

/** API-1: a real, unchanged third-party Zendesk client works against the desk. */
class ZendeskClientCompatibilityTest extends ZendeskClientTest {

    @Override
    protected Zendesk.Builder configure(Zendesk.Builder client) {
        return client.setCbpPageSize(5);
    }

    @Test
    void createsReadsCommentsListsAndLooksUpThroughTheZendeskClient() {
        Organization organization = new Organization();
        organization.setName(Desk.unique("Zendesk Client Corp"));
        organization.setOrganizationFields(Map.of("org_type", "customer"));
        Organization createdOrganization = zendesk.createOrganization(organization);
        assertThat(createdOrganization.getId()).isPositive();

        User user = new User();
        user.setName("Zoe Client");
        user.setEmail(Desk.unique("zoe").toLowerCase() + "@client.test");
        user.setOrganizationId(createdOrganization.getId());
        User createdUser = zendesk.createUser(user);
        assertThat(createdUser.getOrganizationId()).isEqualTo(createdOrganization.getId());

        Ticket ticket = new Ticket();
        ticket.setSubject("Created by the Zendesk client");
        ticket.setComment(new Comment("Body from the client"));
        ticket.setRequesterId(createdUser.getId());
        ticket.setTicketFormId(Desk.SUPPORT_FORM);
        ticket.setCustomFields(List.of(new CustomFieldValue(Desk.CUSTOMER_NAME, new String[] {"Client Customer"})));
        Ticket created = zendesk.createTicket(ticket);

        Ticket read = zendesk.getTicket(created.getId());
        assertThat(read.getSubject()).isEqualTo("Created by the Zendesk client");
        assertThat(read.getRequesterId()).isEqualTo(createdUser.getId());
        assertThat(read.getOrganizationId()).isEqualTo(createdOrganization.getId());
        assertThat(read.getCustomFields()).anySatisfy(field -> {
            assertThat(field.getId()).isEqualTo(Desk.CUSTOMER_NAME);
            assertThat(field.getValue()).containsExactly("Client Customer");
        });

        zendesk.createComment(created.getId(), new Comment("A reply from the client"));
        List<String> bodies = new ArrayList<>();
        zendesk.getTicketComments(created.getId()).forEach(c -> bodies.add(c.getBody()));
        assertThat(bodies).containsExactly("Body from the client", "A reply from the client");

        for (int i = 0; i < 11; i++) {
            Ticket more = new Ticket();
            more.setSubject("Page filler " + i);
            more.setComment(new Comment("filler"));
            zendesk.createTicket(more);
        }
        Set<Long> seen = new HashSet<>();
        int count = 0;
        for (Ticket listed : zendesk.getTickets()) {
            seen.add(listed.getId());
            count++;
        }
        assertThat(count).isEqualTo(seen.size()).isGreaterThanOrEqualTo(12);
        assertThat(seen).contains(created.getId());

        List<User> found = new ArrayList<>();
        zendesk.lookupUserByEmail(createdUser.getEmail().toUpperCase()).forEach(found::add);
        assertThat(found).extracting(User::getId).containsExactly(createdUser.getId());
    }
}
