package org.partnerdesk.directory.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.partnerdesk.ApiClient;
import org.partnerdesk.ApiClient.Reply;
import org.partnerdesk.ApiTest;
import org.partnerdesk.Desk.Account;
import org.partnerdesk.Endpoint;
import org.partnerdesk.directory.Groups;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** DIR-8 groups and group memberships over HTTP. */
class GroupApiTest extends ApiTest {

    private static final String LIST_GROUPS = "GET /api/v2/groups";
    private static final String SHOW_GROUP = "GET /api/v2/groups/{group}";
    private static final String ADD_MEMBER = "POST /api/v2/group_memberships";
    private static final String LIST_MEMBERSHIPS = "GET /api/v2/group_memberships?group_id={group}";
    private static final String SHOW_MEMBERSHIP = "GET /api/v2/group_memberships/{membership}";
    private static final String MEMBERSHIPS_OF_USER = "GET /api/v2/users/{user}/group_memberships";
    private static final String REMOVE_MEMBER = "DELETE /api/v2/group_memberships/{membership}";

    @Autowired
    Groups groups;

    @Autowired
    JdbcClient db;

    @Test
    void addingAndRemovingMembersIsAudited() {
        long membership = addToGroup(desk.agent(), "Licensing").id("group_membership");
        desk.admin.delete("/api/v2/group_memberships/" + membership);

        assertThat(auditedActions("group_membership", membership)).containsExactly("create", "delete");
    }

    @Test
    void theNineBuiltInTeamsAreListed() {
        Reply listed = desk.admin.get("/api/v2/groups");

        assertThat(names(listed.json().get("groups"))).containsExactlyInAnyOrder("Support", "Support Managers",
                "Partner Operations", "Billing Operations", "Licensing", "Channel Managers", "Channel Directors",
                "Programs Directors", "Sales");
    }

    @Test
    void groupShowsItsNameAndDescription() {
        Reply shown = desk.admin.get("/api/v2/groups/" + desk.groupId("Licensing") + ".json");

        assertThat(shown.at("/group/description").stringValue()).isEqualTo("Fulfilment of NFR and customer licences");
    }

    @Test
    void unknownGroupIsNotFound() {
        assertThat(desk.admin.get("/api/v2/groups/999999999").status()).isEqualTo(404);
    }

    @Test
    void groupsArePagedByCursor() {
        Reply first = desk.admin.get("/api/v2/groups?page[size]=5");
        Reply second = desk.admin.get(first.at("/links/next").stringValue());

        assertThat(first.at("/meta/has_more").booleanValue()).isTrue();
        assertThat(names(second.json().get("groups"))).hasSize(4).doesNotContainAnyElementsOf(names(first.json().get("groups")));
        assertThat(second.at("/links/next").isNull()).isTrue();
    }

    @Test
    void adminAddsAnAgentToAGroup() {
        Account sam = desk.agent();

        Reply added = addToGroup(sam, "Licensing");

        assertThat(added.status()).isEqualTo(201);
        assertThat(added.at("/group_membership/group_id").longValue()).isEqualTo(desk.groupId("Licensing"));
    }

    @Test
    void membershipIsListedUnderTheGroup() {
        Account sam = desk.agent();
        long membership = addToGroup(sam, "Sales").id("group_membership");

        Reply listed = desk.admin.get("/api/v2/group_memberships?group_id=" + desk.groupId("Sales") + "&user_id=" + sam.id());

        assertThat(ids(listed.json().get("group_memberships"))).containsExactly(membership);
    }

    @Test
    void membershipIsListedUnderTheUser() {
        Account sam = desk.agent();
        long membership = addToGroup(sam, "Support").id("group_membership");

        Reply listed = desk.admin.get("/api/v2/users/" + sam.id() + "/group_memberships");

        assertThat(ids(listed.json().get("group_memberships"))).containsExactly(membership);
    }

    @Test
    void membershipsOfAnUnknownUserAreNotFound() {
        assertThat(desk.admin.get("/api/v2/users/999999999/group_memberships").status()).isEqualTo(404);
    }

    @Test
    void addingTheSameMemberTwiceReturnsTheMembershipItHas() {
        Account sam = desk.agent();
        long first = addToGroup(sam, "Sales").id("group_membership");

        Reply again = addToGroup(sam, "Sales");

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.id("group_membership")).isEqualTo(first);
    }

    @Test
    void endUserCannotJoinAGroup() {
        Account ann = desk.endUserIn(desk.aCustomer());

        Reply refused = addToGroup(ann, "Support");

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.at("/details/user_id/0/error").stringValue()).isEqualTo("DIR-8");
        assertThat(membershipsOf(ann)).isEmpty();
    }

    @Test
    void unknownUserIsRefused() {
        Reply refused = desk.admin.post("/api/v2/group_memberships", """
                {"group_membership":{"user_id":999999999,"group_id":%d}}""".formatted(desk.groupId("Support")));

        assertThat(refused.at("/details/user_id/0/error").stringValue()).isEqualTo("not_found");
    }

    @Test
    void unknownGroupIsRefused() {
        Account sam = desk.agent();

        Reply refused = desk.admin.post("/api/v2/group_memberships", """
                {"group_membership":{"user_id":%d,"group_id":999999999}}""".formatted(sam.id()));

        assertThat(refused.at("/details/group_id/0/error").stringValue()).isEqualTo("not_found");
        assertThat(membershipsOf(sam)).isEmpty();
    }

    @Test
    void missingFieldsAreAllReported() {
        Reply refused = desk.admin.post("/api/v2/group_memberships", """
                {"group_membership":{}}""");

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("details").propertyNames()).containsExactlyInAnyOrder("user_id", "group_id");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "{\"group_membership\":{\"user_id\":\"{user}\",\"group_id\":{group}}}",
            "{\"group_membership\":{\"user_id\":{user},\"group_id\":\"Support\"}}",
            "{\"group_membership\":{\"user_id\":{user},\"group_id\":1.5}}",
            "{\"group_membership\":{\"user_id\":-{user},\"group_id\":{group}}}"})
    void wrongTypesAreRefusedAndNothingIsAdded(String template) {
        Account sam = desk.agent();
        String body = template.replace("{user}", Long.toString(sam.id())).replace("{group}", Long.toString(desk.groupId("Support")));

        Reply refused = desk.admin.post("/api/v2/group_memberships", body);

        assertThat(refused.status()).isEqualTo(422);
        assertThat(membershipsOf(sam)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"{\"group_membership\":{\"user_id\":", "[]", "{\"user_id\":1,\"group_id\":1}", "not json"})
    void malformedBodyIsABadRequest(String body) {
        assertThat(desk.admin.post("/api/v2/group_memberships", body).status()).isEqualTo(400);
    }

    @Test
    void removedMembershipIsGone() {
        Account sam = desk.agent();
        long membership = addToGroup(sam, "Sales").id("group_membership");

        Reply removed = desk.admin.delete("/api/v2/group_memberships/" + membership);

        assertThat(removed.status()).isEqualTo(204);
        assertThat(desk.admin.get("/api/v2/group_memberships/" + membership).status()).isEqualTo(404);
    }

    @Test
    void removingAnUnknownMembershipIsNotFound() {
        assertThat(desk.admin.delete("/api/v2/group_memberships/999999999").status()).isEqualTo(404);
    }

    @Test
    void supportManagersMayChangeAnAllianceOrganizationsMembers() {
        Account manager = desk.agent();
        desk.addToGroup(manager, "Support Managers");

        Reply added = manager.api().post("/api/v2/organization_memberships", joinAlliance(desk.stranger()));

        assertThat(added.status()).isEqualTo(201);
    }

    @Test
    void removedMemberLosesTheTeamsPermissions() {
        Account manager = desk.agent();
        long membership = addToGroup(manager, "Support Managers").id("group_membership");
        desk.admin.delete("/api/v2/group_memberships/" + membership);

        Reply refused = manager.api().post("/api/v2/organization_memberships", joinAlliance(desk.stranger()));

        assertThat(refused.at("/details/organization_id/0/error").stringValue()).isEqualTo("DIR-4");
    }

    @Test
    void agentInAGroupCannotBecomeAnEndUser() {
        Account sam = desk.agent();
        desk.addToGroup(sam, "Support");

        Reply refused = desk.admin.put("/api/v2/users/" + sam.id(), """
                {"user":{"role":"end-user"}}""");

        assertThat(refused.at("/details/role/0/error").stringValue()).isEqualTo("DIR-8");
        assertThat(desk.admin.get("/api/v2/users/" + sam.id()).at("/user/role").stringValue()).isEqualTo("agent");
    }

    @Test
    void otherModulesLearnWhoIsInATeam() {
        Account director = desk.agent();
        desk.addToGroup(director, "Programs Directors");

        assertThat(groups.isMember(director.id(), Groups.PROGRAMS_DIRECTORS)).isTrue();
        assertThat(groups.isMember(director.id(), Groups.CHANNEL_DIRECTORS)).isFalse();
        assertThat(groups.membersOf(Groups.PROGRAMS_DIRECTORS)).anyMatch(user -> user.id() == director.id());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {LIST_GROUPS, SHOW_GROUP, ADD_MEMBER, LIST_MEMBERSHIPS, SHOW_MEMBERSHIP, MEMBERSHIPS_OF_USER, REMOVE_MEMBER})
    void anonymousCallerIsRefused(String endpoint) {
        assertThat(call(endpoint, desk.anonymous()).status()).isEqualTo(401);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {LIST_GROUPS, SHOW_GROUP, ADD_MEMBER, LIST_MEMBERSHIPS, SHOW_MEMBERSHIP, MEMBERSHIPS_OF_USER, REMOVE_MEMBER})
    void strangerIsRefused(String endpoint) {
        assertThat(call(endpoint, desk.stranger().api()).status()).isEqualTo(403);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {LIST_GROUPS, SHOW_GROUP, ADD_MEMBER, LIST_MEMBERSHIPS, SHOW_MEMBERSHIP, MEMBERSHIPS_OF_USER, REMOVE_MEMBER})
    void endUserOfAnOrganizationIsRefused(String endpoint) {
        assertThat(call(endpoint, desk.endUserIn(desk.aPartner("select")).api()).status()).isEqualTo(403);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {LIST_GROUPS, SHOW_GROUP, LIST_MEMBERSHIPS, SHOW_MEMBERSHIP, MEMBERSHIPS_OF_USER})
    void agentReads(String endpoint) {
        assertThat(call(endpoint, desk.agent().api()).status()).isEqualTo(200);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {ADD_MEMBER, REMOVE_MEMBER})
    void agentCannotWrite(String endpoint) {
        assertThat(call(endpoint, desk.agent().api()).status()).isEqualTo(403);
    }

    @Test
    void refusedWritesChangeNothing() {
        Account sam = desk.agent();
        Account other = desk.agent();
        long membership = addToGroup(other, "Sales").id("group_membership");

        sam.api().post("/api/v2/group_memberships", """
                {"group_membership":{"user_id":%d,"group_id":%d}}""".formatted(sam.id(), desk.groupId("Support Managers")));
        sam.api().delete("/api/v2/group_memberships/" + membership);

        assertThat(membershipsOf(sam)).isEmpty();
        assertThat(membershipsOf(other)).containsExactly(membership);
    }

    /** Sends one endpoint as {@code api}, against an agent in Support with a membership arranged by the admin. */
    private Reply call(String endpoint, ApiClient api) {
        Account member = desk.agent();
        long group = desk.groupId("Support");
        long membership = addToGroup(member, "Support").id("group_membership");
        String body = """
                {"group_membership":{"user_id":%d,"group_id":%d}}""".formatted(desk.agent().id(), group);
        return Endpoint.of(endpoint).send(api, Map.of("group", group, "membership", membership, "user", member.id()), body);
    }

    private Reply addToGroup(Account account, String group) {
        return desk.admin.post("/api/v2/group_memberships", """
                {"group_membership":{"user_id":%d,"group_id":%d}}""".formatted(account.id(), desk.groupId(group)));
    }

    private String joinAlliance(Account account) {
        return """
                {"organization_membership":{"user_id":%d,"organization_id":%d}}""".formatted(account.id(), desk.aPartner("alliance").id());
    }

    private List<Long> membershipsOf(Account account) {
        return ids(desk.admin.get("/api/v2/group_memberships?user_id=" + account.id()).json().get("group_memberships"));
    }

    private static List<String> names(JsonNode groups) {
        List<String> names = new ArrayList<>();
        groups.forEach(group -> names.add(group.get("name").stringValue()));
        return names;
    }

    private static List<Long> ids(JsonNode items) {
        List<Long> ids = new ArrayList<>();
        items.forEach(item -> ids.add(item.get("id").longValue()));
        return ids;
    }

    private List<String> auditedActions(String entity, long id) {
        return db.sql("select action from directory_audits where entity = ? and entity_id = ? order by id")
                .params(entity, id).query(String.class).list();
    }
}
