package org.partnerdesk.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Issue #11: a mail's Message-ID comes from its cause, so a retry sends the same one and another mail never does. */
class OutgoingMailTest {

    private static final String FROM = "PartnerDesk <support@partnerdesk.test>";

    @Test
    void theSameCauseGivesTheSameMessageIdAndAnotherCauseAnother() {
        OutgoingMail first = OutgoingMail.about("cause", FROM, List.of("ann@acme.test"), List.of(), "Invitation", "token 1");
        OutgoingMail retried = OutgoingMail.about("cause", FROM, List.of("ann@acme.test"), List.of(), "Invitation", "token 2");
        OutgoingMail other = OutgoingMail.about("cause", FROM, List.of("bob@acme.test"), List.of(), "Invitation", "token 1");

        assertThat(retried.messageId("event 7")).isEqualTo(first.messageId("event 7"))
                .matches("<partnerdesk\\.[0-9a-f]{32}@partnerdesk\\.test>");
        assertThat(first.messageId("event 8")).isNotEqualTo(first.messageId("event 7"));
        assertThat(other.messageId("event 7")).isNotEqualTo(first.messageId("event 7"));
    }

    @Test
    void aTicketsMailNamesTheTicketAndEachPartOfOneEventHasItsOwnId() {
        OutgoingMail reply = OutgoingMail.aboutTicket(12, "cause", "reply", FROM, List.of("ann@acme.test"), List.of(), "[PartnerDesk #12] Help", "a");
        OutgoingMail question = OutgoingMail.aboutTicket(12, "cause", "desk-reply", FROM, List.of("ann@acme.test"), List.of(),
                "[PartnerDesk #12] Help", "b");

        assertThat(TicketMessageId.ticketOf(reply.messageId("event"), "support@partnerdesk.test")).hasValue(12L);
        assertThat(question.messageId("event")).isNotEqualTo(reply.messageId("event"));
    }
}
