package org.partnerdesk.ticket.ui;

import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import org.partnerdesk.api.Actor;
import org.partnerdesk.api.KeysetRequest;
import org.partnerdesk.console.ConsolePage;
import org.partnerdesk.ticket.TicketQueue;
import org.partnerdesk.ticket.TicketQueues;
import org.partnerdesk.ticket.TicketStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** UI-1 agent console: the queues of TKT-5, most urgent SLA first. */
@ConsolePage
class QueuePage {

    private final TicketQueues queues;

    QueuePage(TicketQueues queues) {
        this.queues = queues;
    }

    @GetMapping("/agent")
    String queue(Actor actor, HttpServletRequest request, Model model) {
        var queue = new TicketQueue(Set.of(TicketStatus.NEW, TicketStatus.OPEN), null, null, false, null, null, null,
                TicketQueue.Order.SLA_DUE);
        model.addAttribute("page", queues.page(actor, queue, KeysetRequest.from(request)));
        return "ticket/queue";
    }
}
