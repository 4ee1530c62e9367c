package org.partnerdesk.notification;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** NTF-1, PO-6: the Message-IDs of the desk's mail name their ticket, and only ours are read back. */
class TicketMessageIdTest {

    @Test
    void aFreshIdAndTheThreadNameTheTicket() {
        TicketMessageId id = TicketMessageId.of(123, "PartnerDesk <support@PartnerDesk.test>");

        assertThat(id.fresh()).matches("<partnerdesk\\.ticket-123\\.[0-9a-f]{32}@partnerdesk\\.test>");
        assertThat(id.thread()).isEqualTo("<partnerdesk.ticket-123@partnerdesk.test>");
        assertThat(TicketMessageId.ticketOf(id.fresh(), "support@partnerdesk.test")).hasValue(123L);
        assertThat(TicketMessageId.ticketOf(id.thread(), "support@partnerdesk.test")).hasValue(123L);
    }

    @Test
    void idsOfOtherSystemsOrDomainsNameNoTicket() {
        assertThat(TicketMessageId.ticketOf("<partnerdesk.ticket-123@elsewhere.test>", "support@partnerdesk.test")).isEmpty();
        assertThat(TicketMessageId.ticketOf("<CAF=abc@mail.gmail.com>", "support@partnerdesk.test")).isEmpty();
        assertThat(TicketMessageId.ticketOf("<ticket-123@partnerdesk.test>", "support@partnerdesk.test")).isEmpty();
    }
}
