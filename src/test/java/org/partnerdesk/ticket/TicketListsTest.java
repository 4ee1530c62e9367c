package org.partnerdesk.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.partnerdesk.Desk.OPEN_PARTNER_FORM;
import static org.partnerdesk.Desk.ORGANIZATION_EMAIL;
import static org.partnerdesk.Desk.PARTNER_ENGAGEMENT;
import static org.partnerdesk.Desk.SUPPORT_FORM;

import java.util.Set;

import org.junit.jupiter.api.Test;
import org.partnerdesk.ApiClient;
import org.partnerdesk.ApiTest;
import org.partnerdesk.Desk;
import org.partnerdesk.api.Actor;
import org.partnerdesk.api.ApiException;
import org.partnerdesk.api.PageRequest;
import org.partnerdesk.api.Role;
import org.springframework.beans.factory.annotation.Autowired;

/** UI-1 user and organization pages: whose tickets they list, newest first, and who may list them. */
class TicketListsTest extends ApiTest {

    @Autowired
    TicketLists lists;

    @Test
    void aRequestersTicketsComeNewestFirstAndPageToOlderOnes() {
        var ann = desk.endUserIn(desk.aCustomer());
        long first = file(ann.api(), SUPPORT_FORM, "First");
        long second = file(ann.api(), SUPPORT_FORM, "Second");
        long third = file(ann.api(), SUPPORT_FORM, "Third");
        Actor agent = agent();

        var newest = lists.requestedBy(agent, ann.id(), new PageRequest(2, 0));
        var older = lists.requestedBy(agent, ann.id(), new PageRequest(2, newest.items().getLast().id()));

        assertThat(newest.items()).extracting(Ticket::id).containsExactly(third, second);
        assertThat(newest.hasMore()).isTrue();
        assertThat(older.items()).extracting(Ticket::id).containsExactly(first);
        assertThat(older.hasMore()).isFalse();
    }

    @Test
    void aPartnersRequestsForItsCustomersAreWhatItsPeopleFiledForOtherOrganizations() {
        var acme = desk.aCustomer();
        var ann = desk.endUserIn(acme);
        var resellCo = desk.aPartner("open");
        var sam = desk.endUserIn(resellCo);
        long forAcme = file(sam.api(), OPEN_PARTNER_FORM, "Pipeline fails for Acme",
                field(ORGANIZATION_EMAIL, ann.email()), field(PARTNER_ENGAGEMENT, "on_behalf_of_customer"));
        Actor agent = agent();

        assertThat(lists.submittedForCustomersBy(agent, resellCo.id(), new PageRequest(25, 0)).items())
                .extracting(Ticket::id).containsExactly(forAcme);
        assertThat(lists.ofOrganization(agent, acme.id(), new PageRequest(25, 0)).items()).extracting(Ticket::id).containsExactly(forAcme);
        assertThat(lists.ofOrganization(agent, resellCo.id(), new PageRequest(25, 0)).items()).isEmpty();
        assertThat(lists.submittedForCustomersBy(agent, acme.id(), new PageRequest(25, 0)).items()).isEmpty();
    }

    @Test
    void anEndUserCannotListAnotherPersonsOrOrganizationsTickets() {
        var acme = desk.aCustomer();
        var ann = desk.endUserIn(acme);
        var bob = desk.endUserIn(acme);
        file(ann.api(), SUPPORT_FORM, "Ann's question");
        Actor asBob = new Actor(bob.id(), bob.email(), Role.END_USER, acme.id(), Set.of());

        assertThatThrownBy(() -> lists.requestedBy(asBob, ann.id(), new PageRequest(25, 0)))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(403));
        assertThatThrownBy(() -> lists.ofOrganization(asBob, acme.id(), new PageRequest(25, 0)))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(403));
    }

    private Actor agent() {
        Desk.Account agent = desk.agent();
        return new Actor(agent.id(), agent.email(), Role.AGENT, null, Set.of());
    }

    private static long file(ApiClient api, long form, String subject, String... fields) {
        var reply = api.post("/api/v2/tickets", """
                {"ticket":{"subject":"%s","comment":{"body":"Details follow."},"ticket_form_id":%d,"custom_fields":[%s]}}"""
                .formatted(subject, form, String.join(",", fields)));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return reply.id("ticket");
    }

    private static String field(long id, String value) {
        return "{\"id\":" + id + ",\"value\":\"" + value + "\"}";
    }
}
