package org.partnerdesk.ticket.ui;

import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.partnerdesk.api.Actor;
import org.partnerdesk.api.PageRequest;
import org.partnerdesk.console.ConsolePage;
import org.partnerdesk.ticket.Ticket;
import org.partnerdesk.ticket.TicketPagePart;
import org.partnerdesk.ticket.Tickets;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** UI-1 agent console: one ticket, its conversation, composer and properties, with the parts other modules add. */
@ConsolePage
class TicketPage {

    private final Tickets tickets;
    private final List<TicketPagePart> parts;

    TicketPage(Tickets tickets, List<TicketPagePart> parts) {
        this.tickets = tickets;
        this.parts = parts.stream().sorted(Comparator.comparingInt(TicketPagePart::order)).toList();
    }

    @GetMapping("/agent/tickets/{id}")
    String ticket(Actor actor, @PathVariable long id, Model model) {
        actor.requireStaff();
        Ticket ticket = tickets.find(actor, id);
        model.addAttribute("ticket", ticket);
        model.addAttribute("comments", tickets.comments(actor, id, new PageRequest(100, 0)).items());
        model.addAttribute("parts", rendered(actor, ticket));
        return "ticket/ticket";
    }

    private Map<TicketPagePart.Slot, List<TicketPagePart.Rendered>> rendered(Actor actor, Ticket ticket) {
        Map<TicketPagePart.Slot, List<TicketPagePart.Rendered>> bySlot = new EnumMap<>(TicketPagePart.Slot.class);
        for (TicketPagePart.Slot slot : TicketPagePart.Slot.values()) {
            bySlot.put(slot, parts.stream().filter(part -> part.slot() == slot)
                    .flatMap(part -> part.render(actor, ticket).stream()).toList());
        }
        return bySlot;
    }
}
