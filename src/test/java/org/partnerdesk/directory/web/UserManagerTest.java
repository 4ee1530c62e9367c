package org.partnerdesk.directory.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.partnerdesk.ApiClient.Reply;
import org.partnerdesk.ApiTest;
import org.partnerdesk.Desk.Account;

/** Users carry manager_id (PO-4 asks the channel manager's own Channel Director); a manager is staff. */
class UserManagerTest extends ApiTest {

    @Test
    void anAdminSetsAStaffManagerAndTheApiShowsIt() {
        Account director = desk.agent();
        Account manager = desk.agent();

        Reply put = desk.admin.put("/api/v2/users/" + manager.id(), """
                {"user":{"manager_id":%d}}""".formatted(director.id()));

        assertThat(put.status()).as(put.toString()).isEqualTo(200);
        assertThat(desk.admin.get("/api/v2/users/" + manager.id()).at("/user/manager_id").longValue()).isEqualTo(director.id());
    }

    @Test
    void aManagerIsAnotherAgentOrAdmin() {
        Account manager = desk.agent();
        Account endUser = desk.stranger();

        Reply notStaff = desk.admin.put("/api/v2/users/" + manager.id(), """
                {"user":{"manager_id":%d}}""".formatted(endUser.id()));
        Reply self = desk.admin.put("/api/v2/users/" + manager.id(), """
                {"user":{"manager_id":%d}}""".formatted(manager.id()));
        Reply nobody = desk.admin.put("/api/v2/users/" + manager.id(), """
                {"user":{"manager_id":999999999}}""");

        assertThat(notStaff.status()).isEqualTo(422);
        assertThat(notStaff.at("/details/manager_id/0/error").stringValue()).isEqualTo("invalid_value");
        assertThat(self.status()).isEqualTo(422);
        assertThat(nobody.at("/details/manager_id/0/error").stringValue()).isEqualTo("not_found");
        assertThat(desk.admin.get("/api/v2/users/" + manager.id()).at("/user/manager_id").isNull()).isTrue();
    }

    @Test
    void onlyAdminsSetAManager() {
        Account manager = desk.agent();
        String body = "{\"user\":{\"manager_id\":%d}}".formatted(desk.agent().id());

        assertThat(manager.api().put("/api/v2/users/" + manager.id(), body).status()).isEqualTo(403);
        // #10 item 15: to an end user another's record answers as a missing one
        assertThat(desk.stranger().api().put("/api/v2/users/" + manager.id(), body).status()).isEqualTo(404);
    }
}
