package org.partnerdesk.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.partnerdesk.ApiClient.Reply;
import org.partnerdesk.Desk;
import org.partnerdesk.Desk.Account;
import org.partnerdesk.Desk.Org;
import org.partnerdesk.ZendeskClientTest;
import org.zendesk.client.v2.Zendesk;
import org.zendesk.client.v2.model.Organization;
import org.zendesk.client.v2.model.OrganizationMembership;
import org.zendesk.client.v2.model.Ticket;
import org.zendesk.client.v2.model.User;

/**
 * Issue #17, API-1: the real, unchanged zendesk-java-client reads the lists per owner (paging with a small page), shows
 * many users and organizations at once, and adds, sets and removes a ticket's tags.
 */
class ZendeskClientListsTest extends ZendeskClientTest {

    @Override
    protected Zendesk.Builder configure(Zendesk.Builder client) {
        return client.setCbpPageSize(2);
    }

    @Test
    void theZendeskClientListsAnOrganizationsRequestersAndCcsTicketsPageByPage() {
        Org acme = desk.aCustomer();
        Account ann = desk.endUserIn(acme);
        Account carl = desk.endUserIn(acme);
        List<Long> filed = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            filed.add(fileFor(ann, i % 2 == 0 ? List.of(carl.email()) : List.of()));
        }
        long carlsOwn = fileFor(carl, List.of());

        assertThat(ids(zendesk.getOrganizationTickets(acme.id()))).containsExactlyElementsOf(with(filed, carlsOwn));
        assertThat(ids(zendesk.getUserRequestedTickets(ann.id()))).containsExactlyElementsOf(filed);
        assertThat(ids(zendesk.getUserCCDTickets(carl.id()))).containsExactly(filed.get(0), filed.get(2), filed.get(4));
    }

    @Test
    void theZendeskClientListsTheMembershipsOfAUserAndOfAnOrganization() {
        Org acme = desk.aCustomer();
        Account ann = desk.endUserIn(acme);
        Account bob = desk.endUserIn(acme);
        Account carl = desk.endUserIn(acme);

        List<OrganizationMembership> ofAcme = new ArrayList<>();
        zendesk.getOrganizationMembershipsForOrg(acme.id()).forEach(ofAcme::add);
        List<OrganizationMembership> ofAnn = new ArrayList<>();
        zendesk.getOrganizationMembershipsForUser(ann.id()).forEach(ofAnn::add);

        assertThat(ofAcme).extracting(OrganizationMembership::getUserId).containsExactly(ann.id(), bob.id(), carl.id());
        assertThat(ofAnn).singleElement().satisfies(m -> assertThat(m.getOrganizationId()).isEqualTo(acme.id()));
    }

    @Test
    void theZendeskClientShowsManyUsersAndOrganizations() {
        Org acme = desk.aCustomer();
        Org globex = desk.aCustomer();
        Account ann = desk.endUserIn(acme);
        Account bob = desk.endUserIn(globex);

        List<User> users = zendesk.getUsers(ann.id(), bob.id());
        List<Organization> organizations = zendesk.getOrganizations(acme.id(), globex.id());

        assertThat(users).extracting(User::getEmail).containsExactly(ann.email(), bob.email());
        assertThat(organizations).extracting(Organization::getName).containsExactly(acme.name(), globex.name());
    }

    @Test
    void theZendeskClientAddsSetsAndRemovesATicketsTags() {
        Account ann = desk.endUserIn(desk.aCustomer());
        long ticket = fileFor(ann, List.of());

        assertThat(zendesk.setTagOnTicket(ticket, "Legacy Runner", "urgent")).containsExactly("legacy_runner", "urgent");
        assertThat(zendesk.addTagToTicket(ticket, "VIP", "urgent")).containsExactly("legacy_runner", "urgent", "vip");
        assertThat(zendesk.removeTagFromTicket(ticket, "urgent")).containsExactly("legacy_runner", "vip");
        assertThat(zendesk.getTicket(ticket).getTags()).containsExactly("legacy_runner", "vip");
    }

    // the requester files for itself, with its CCs (TKT-2: the requester may add them, an agent may not)
    private static long fileFor(Account requester, List<String> ccEmails) {
        String ccs = ccEmails.stream().map(email -> "{\"user_email\":\"" + email + "\"}").toList().toString();
        Reply filed = requester.api().post("/api/v2/tickets", """
                {"ticket":{"subject":"Lists","comment":{"body":"Runner crashes"},"ticket_form_id":%d,"email_ccs":%s}}"""
                .formatted(Desk.SUPPORT_FORM, ccs));
        assertThat(filed.status()).as(filed.toString()).isEqualTo(201);
        return filed.id("ticket");
    }

    private static List<Long> ids(Iterable<Ticket> tickets) {
        List<Long> ids = new ArrayList<>();
        tickets.forEach(t -> ids.add(t.getId()));
        return ids;
    }

    private static List<Long> with(List<Long> ids, long more) {
        List<Long> all = new ArrayList<>(ids);
        all.add(more);
        return all;
    }
}
