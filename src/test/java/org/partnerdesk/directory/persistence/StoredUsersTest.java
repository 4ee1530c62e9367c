package org.partnerdesk.directory.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.partnerdesk.ApiTest;
import org.partnerdesk.directory.User;
import org.springframework.beans.factory.annotation.Autowired;

/** The people an agent may hand work to (the queue's bulk "Assignee"). */
class StoredUsersTest extends ApiTest {

    @Autowired
    StoredUsers users;

    @Test
    void theStaffListHoldsAgentsAndAdminsButNotTheDesksOwnAuthorOfAutomaticNotes() {
        var agent = desk.agent();

        var staff = users.staff(Integer.MAX_VALUE).stream().map(User::email).toList();

        assertThat(staff).contains(agent.email(), ADMIN_EMAIL).doesNotContain("desk@partnerdesk.invalid");
    }
}
