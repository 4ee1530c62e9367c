package org.partnerdesk.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.partnerdesk.Desk;
import org.partnerdesk.ZendeskClientTest;
import org.zendesk.client.v2.model.Comment;
import org.zendesk.client.v2.model.SearchResultEntity;
import org.zendesk.client.v2.model.Ticket;

/** API-1, TKT-6: the real, unchanged zendesk-java-client searches the desk and pages through the results. */
class ZendeskClientSearchTest extends ZendeskClientTest {

    @Test
    void theZendeskClientFindsTicketsBySearchAsTheyAreStored() {
        String word = word();
        List<Ticket> filed = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Ticket ticket = new Ticket();
            ticket.setSubject("Search " + word + " " + i);
            ticket.setComment(new Comment("Body " + i));
            ticket.setTicketFormId(Desk.SUPPORT_FORM);
            ticket.setTags(List.of("from-client"));
            filed.add(zendesk.getTicket(zendesk.createTicket(ticket).getId()));
        }

        List<Ticket> found = new ArrayList<>();
        zendesk.getTicketsFromSearch(word).forEach(found::add);
        assertThat(found).extracting(Ticket::getId).containsExactlyInAnyOrderElementsOf(filed.stream().map(Ticket::getId).toList());
        for (Ticket expected : filed) {
            Ticket actual = found.stream().filter(t -> t.getId().equals(expected.getId())).findFirst().orElseThrow();
            assertThat(actual.getSubject()).isEqualTo(expected.getSubject());
            assertThat(actual.getDescription()).isEqualTo(expected.getDescription());
            assertThat(actual.getStatus()).isEqualTo(expected.getStatus());
            assertThat(actual.getRequesterId()).isEqualTo(expected.getRequesterId());
            assertThat(actual.getOrganizationId()).isEqualTo(expected.getOrganizationId());
            assertThat(actual.getTags()).isEqualTo(expected.getTags());
            assertThat(actual.getTicketFormId()).isEqualTo(expected.getTicketFormId());
            assertThat(actual.getCreatedAt()).isEqualTo(expected.getCreatedAt());
            assertThat(actual.getUpdatedAt()).isEqualTo(expected.getUpdatedAt());
            assertThat(actual.getCustomFields()).usingRecursiveFieldByFieldElementComparator().isEqualTo(expected.getCustomFields());
        }

        List<SearchResultEntity> results = new ArrayList<>();
        zendesk.getSearchResults(word).forEach(results::add);
        assertThat(results).hasSize(3).allSatisfy(r -> assertThat(r).isInstanceOf(Ticket.class));

        List<Long> paged = new ArrayList<>();
        zendesk.getSearchResults(Ticket.class, word + " tags:from-client", Map.of("per_page", 2, "sort_by", "created_at",
                "sort_order", "asc")).forEach(t -> paged.add(t.getId()));
        assertThat(paged).containsExactlyElementsOf(filed.stream().map(Ticket::getId).toList());
    }

    private static String word() {
        StringBuilder word = new StringBuilder("zc");
        for (int i = 0; i < 10; i++) {
            word.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        return word.toString();
    }
}
