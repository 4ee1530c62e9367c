package org.partnerdesk.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.partnerdesk.directory.OrganizationRules.Field;
import org.partnerdesk.directory.OrganizationRules.Problem;

/** DIR-1, TKT-8, TKT-9: the rules the API and the operations console's form both check, in one place. */
class OrganizationRulesTest {

    @Test // DIR-1
    void aCustomerHasNoPartnerTrack() {
        assertThat(fields(OrganizationRules.problems(OrganizationType.CUSTOMER, PartnerTrack.OPEN, List.of(), null, null)))
                .containsExactly(Field.TRACK);
    }

    @Test // DIR-1
    void aDomainIsThePartAfterTheAt() {
        List<Problem> problems = OrganizationRules.problems(OrganizationType.CUSTOMER, null, List.of("acme.test", "typo", "ann@acme.test"), null, null);

        assertThat(fields(problems)).containsExactly(Field.DOMAINS);
        assertThat(problems.getFirst().detail()).contains("\"typo\"", "DIR-1");
        assertThat(problems.getFirst().sentence()).startsWith("\"typo\" is not an e-mail domain such as acme.test");
    }

    @Test // TKT-9
    void onlyAPartnerHasASpecialProcess() {
        assertThat(fields(OrganizationRules.problems(OrganizationType.INTERNAL, null, List.of(), "Call Ann first", null)))
                .containsExactly(Field.SPECIAL_PROCESS);
        assertThat(OrganizationRules.problems(OrganizationType.PARTNER, PartnerTrack.SELECT, List.of(), "Call Ann first", null)).isEmpty();
    }

    @Test // TKT-8
    void onlyAnAlliancePartnerHasAChatWebhookAndItIsAnAddress() {
        assertThat(fields(OrganizationRules.problems(OrganizationType.PARTNER, PartnerTrack.OPEN, List.of(), null, "https://chat.test/x")))
                .containsExactly(Field.CHAT_WEBHOOK_URL);
        assertThat(OrganizationRules.problems(OrganizationType.PARTNER, PartnerTrack.ALLIANCE, List.of(), null, "chat.test/x").getFirst()
                .sentence()).contains("beginning with https://");
        assertThat(OrganizationRules.problems(OrganizationType.PARTNER, PartnerTrack.ALLIANCE, List.of("umbrella.test"), "sp",
                "https://chat.test/x")).isEmpty();
    }

    private static List<Field> fields(List<Problem> problems) {
        return problems.stream().map(Problem::field).toList();
    }
}
