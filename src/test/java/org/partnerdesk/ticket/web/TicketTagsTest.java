package org.partnerdesk.ticket.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.partnerdesk.ApiClient.Reply;
import org.partnerdesk.ApiTest;
import org.partnerdesk.Desk;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Issue #17: Zendesk's tags endpoints. Agents add, set and remove a ticket's tags, normalized as Zendesk keeps them
 * (lowercase, spaces to underscores), each change audited as a PUT of the ticket's tags is; {@code GET /tags} counts
 * the tickets carrying each tag, leaving deleted tickets out.
 */
class TicketTagsTest extends ApiTest {

    @Autowired
    JdbcClient db;

    @Test
    void agentAddsTagsNormalizedAsZendeskKeepsThemAndKeepsThoseThere() {
        TicketState.Filed filed = TicketState.aPremiumCustomerFiles(desk, "Tags", "Runner crashes", "normal");
        Reply set = filed.agent().api().post(tagsOf(filed.id()), """
                {"tags":["legacy"]}""");
        assertThat(set.status()).as(set.toString()).isEqualTo(200);

        Reply added = filed.agent().api().put(tagsOf(filed.id()), """
                {"tags":["  Needs   Review ","VIP","legacy","vip"]}""");

        assertThat(added.status()).as(added.toString()).isEqualTo(200);
        assertThat(tags(added.json())).containsExactly("legacy", "needs_review", "vip");
        assertThat(tags(desk.admin.get("/api/v2/tickets/" + filed.id()).json().get("ticket"))).containsExactly("legacy", "needs_review", "vip");
        assertThat(tags(filed.requester().api().get(tagsOf(filed.id())).json())).containsExactly("legacy", "needs_review", "vip");
    }

    @Test
    void tagsGivenWithTheTicketAreKeptTheSameWayAndSearchFindsThemWhateverTheCase() {
        String tag = Desk.unique("Legacy Runner");
        String kept = tag.toLowerCase().replace(' ', '_');
        Desk.Account ann = desk.endUserIn(desk.aCustomer());
        Reply filed = ann.api().post("/api/v2/tickets", """
                {"ticket":{"subject":"Tagged","comment":{"body":"x"},"tags":["%s","VIP","vip"]}}""".formatted(tag));
        assertThat(filed.status()).as(filed.toString()).isEqualTo(201);
        assertThat(tags(filed.json().get("ticket"))).containsExactly(kept, "vip");

        Reply changed = TicketState.put(desk.agent().api(), filed.id("ticket"), "{\"tags\":[\"%s\",\"Needs Review\"]}".formatted(kept));

        assertThat(tags(changed.json().get("ticket"))).containsExactly(kept, "needs_review");
        assertThat(desk.admin.get("/api/v2/search?query=tags:" + kept.toUpperCase()).json().get("results")).hasSize(1);
    }

    @Test
    void eachTagChangeIsOneAuditWithTheTagsBeforeAndAfter() {
        TicketState.Filed filed = TicketState.aPremiumCustomerFiles(desk, "Tags", "Runner crashes", "normal");
        int audits = TicketState.audits(desk, filed.id()).size();

        filed.agent().api().post(tagsOf(filed.id()), "{\"tags\":[\"a\",\"b\"]}");
        filed.agent().api().send("DELETE", tagsOf(filed.id()), "{\"tags\":[\"A\"]}");

        assertThat(TicketState.audits(desk, filed.id()).size()).isEqualTo(audits + 2);
        JsonNode removal = TicketState.lastChangeOf(desk, filed.id(), "tags");
        assertThat(tags(removal, "value")).containsExactly("b");
        assertThat(tags(removal, "previous_value")).containsExactly("a", "b");
        JsonNode last = TicketState.audits(desk, filed.id()).get(audits + 1);
        assertThat(last.get("author_id").longValue()).isEqualTo(filed.agent().id());
    }

    @Test
    void settingReplacesTheWholeListAndAChangeThatChangesNothingLeavesNoAudit() {
        TicketState.Filed filed = TicketState.aPremiumCustomerFiles(desk, "Tags", "Runner crashes", "normal");
        filed.agent().api().post(tagsOf(filed.id()), "{\"tags\":[\"old\",\"older\"]}");

        Reply replaced = filed.agent().api().post(tagsOf(filed.id()), "{\"tags\":[\"new\"]}");
        int audits = TicketState.audits(desk, filed.id()).size();
        Reply again = filed.agent().api().put(tagsOf(filed.id()), "{\"tags\":[\"NEW\"]}");
        Reply absent = filed.agent().api().send("DELETE", tagsOf(filed.id()), "{\"tags\":[\"never_there\"]}");

        assertThat(tags(replaced.json())).containsExactly("new");
        assertThat(tags(again.json())).containsExactly("new");
        assertThat(tags(absent.json())).containsExactly("new");
        assertThat(TicketState.audits(desk, filed.id()).size()).isEqualTo(audits);
    }

    @Test
    void requesterMayReadButNotChangeTheTags() {
        TicketState.Filed filed = TicketState.aPremiumCustomerFiles(desk, "Tags", "Runner crashes", "normal");
        TicketState before = TicketState.of(desk, filed.id());

        Reply refused = filed.requester().api().put(tagsOf(filed.id()), "{\"tags\":[\"mine\"]}");
        Reply refusedBadBody = filed.requester().api().put(tagsOf(filed.id()), "{\"tags\":\"not a list\"}");

        assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
        assertThat(refusedBadBody.status()).as("authorized before the body is read").isEqualTo(403);
        assertThat(TicketState.of(desk, filed.id())).isEqualTo(before);
    }

    @Test
    void badBodiesAreRefusedInTheErrorFormat() {
        TicketState.Filed filed = TicketState.aPremiumCustomerFiles(desk, "Tags", "Runner crashes", "normal");
        String tags = tagsOf(filed.id());

        assertThat(filed.agent().api().put(tags, "{}").status()).isEqualTo(422);
        assertThat(filed.agent().api().put(tags, "{\"tags\":null}").at("/details/tags/0/error").stringValue()).isEqualTo("blank");
        assertThat(filed.agent().api().put(tags, "{\"tags\":\"vip\"}").status()).isEqualTo(422);
        assertThat(filed.agent().api().put(tags, "{\"tags\":[42]}").status()).isEqualTo(422);
        assertThat(filed.agent().api().put(tags, "{\"tags\":[\"" + "x".repeat(81) + "\"]}").status()).isEqualTo(422);
        assertThat(filed.agent().api().put(tags, "[\"vip\"]").status()).isEqualTo(400);
        assertThat(filed.agent().api().put(tags, "{\"tags\":[").status()).isEqualTo(400);
        assertThat(filed.agent().api().send("DELETE", tags, null).status()).isEqualTo(400);
        Reply refused = filed.agent().api().put(tags, "{\"tags\":[\"\"]}");
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.at("/error").stringValue()).isEqualTo("RecordInvalid");
        assertThat(refused.at("/details/tags/0/description").stringValue()).isNotBlank();
        assertThat(filed.agent().api().get("/api/v2/tickets/999999999/tags").status()).isEqualTo(404);
    }

    @Test
    void aClosedTicketKeepsItsTags() {
        TicketState.Filed filed = TicketState.aPremiumCustomerFiles(desk, "Tags", "Runner crashes", "normal");
        assertThat(TicketState.put(filed.agent().api(), filed.id(), "{\"status\":\"solved\"}").status()).isEqualTo(200);
        assertThat(TicketState.put(filed.agent().api(), filed.id(), "{\"status\":\"closed\"}").status()).isEqualTo(200);

        TicketState.assertRefusedBy(filed.agent().api().put(tagsOf(filed.id()), "{\"tags\":[\"late\"]}"), "status", "TKT-1");
    }

    @Test
    void tagCountsFollowEveryChangeAndLeaveDeletedTicketsOut() {
        String tag = Desk.unique("counted").toLowerCase();
        TicketState.Filed first = TicketState.aPremiumCustomerFiles(desk, "Tags", "Runner crashes", "normal");
        TicketState.Filed second = TicketState.aPremiumCustomerFiles(desk, "Tags", "Runner crashes", "normal");
        first.agent().api().put(tagsOf(first.id()), "{\"tags\":[\"" + tag + "\"]}");
        // the same tag through PUT /tickets/{id}, as an integration sets it
        assertThat(TicketState.put(second.agent().api(), second.id(), "{\"tags\":[\"" + tag + "\"]}").status()).isEqualTo(200);

        assertThat(countOf(tag)).isEqualTo(2);

        first.agent().api().send("DELETE", tagsOf(first.id()), "{\"tags\":[\"" + tag + "\"]}");
        assertThat(countOf(tag)).isEqualTo(1);

        db.sql("update tickets set deleted_at = now() where id = ?").param(second.id()).update(); // V95: deleted
        assertThat(countOf(tag)).isZero();
        db.sql("update tickets set deleted_at = null where id = ?").param(second.id()).update(); // restored
        assertThat(countOf(tag)).isEqualTo(1);
    }

    @Test
    void mostUsedTagsComeFirstAndTheListIsForStaff() {
        String rare = Desk.unique("rare").toLowerCase();
        String common = Desk.unique("common").toLowerCase();
        for (int i = 0; i < 3; i++) {
            TicketState.Filed filed = TicketState.aPremiumCustomerFiles(desk, "Tags", "Runner crashes", "normal");
            filed.agent().api().put(tagsOf(filed.id()), "{\"tags\":[\"" + common + "\"" + (i == 0 ? ",\"" + rare + "\"" : "") + "]}");
        }
        TicketState.Filed filed = TicketState.aPremiumCustomerFiles(desk, "Tags", "Runner crashes", "normal");

        Reply listed = desk.admin.get("/api/v2/tags?page[size]=100");

        assertThat(listed.status()).as(listed.toString()).isEqualTo(200);
        List<Long> counts = listed.json().get("tags").valueStream().map(t -> t.get("count").longValue()).toList();
        assertThat(counts).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(listed.at("/count").intValue()).isEqualTo(listed.json().get("tags").size());
        assertThat(desk.admin.get("/api/v2/tags?page[size]=1").json().get("tags")).hasSize(1);
        assertThat(desk.admin.get("/api/v2/tags?page[size]=0").status()).isEqualTo(400);
        assertThat(filed.requester().api().get("/api/v2/tags").status()).isEqualTo(403);
        assertThat(countOf(common)).isEqualTo(3);
        assertThat(countOf(rare)).isEqualTo(1);
    }

    // the count GET /tags answers, or 0 when the tag is not among the most used (those tests use tags of their own)
    private long countOf(String tag) {
        Long stored = db.sql("select count from ticket_tag_counts where name = ?").param(tag).query(Long.class).optional().orElse(0L);
        for (JsonNode listed : desk.admin.get("/api/v2/tags").json().get("tags")) {
            if (listed.get("name").stringValue().equals(tag)) {
                assertThat(listed.get("count").longValue()).isEqualTo(stored);
            }
        }
        return stored;
    }

    private static String tagsOf(long ticketId) {
        return "/api/v2/tickets/" + ticketId + "/tags";
    }

    private static List<String> tags(JsonNode holder) {
        return tags(holder, "tags");
    }

    private static List<String> tags(JsonNode holder, String field) {
        return holder.get(field).valueStream().map(JsonNode::stringValue).toList();
    }
}
