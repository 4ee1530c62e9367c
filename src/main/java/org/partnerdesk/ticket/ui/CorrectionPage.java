package org.partnerdesk.ticket.ui;

import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.partnerdesk.api.Actor;
import org.partnerdesk.api.ApiException;
import org.partnerdesk.console.ConsolePage;
import org.partnerdesk.directory.Organization;
import org.partnerdesk.directory.Organizations;
import org.partnerdesk.directory.User;
import org.partnerdesk.directory.Users;
import org.partnerdesk.entitlement.Entitlement;
import org.partnerdesk.ticket.Ticket;
import org.partnerdesk.ticket.TicketChange;
import org.partnerdesk.ticket.TicketForms;
import org.partnerdesk.ticket.Tickets;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * ENT-8 [000], UI-1: an agent corrects a mistyped requester e-mail (or finds the requester among an organization's
 * contacts), previews the new decision beside the current one (a dry run, nothing stored), then saves it through
 * {@link Tickets#update}, which decides again and audits before and after. Two full posts; htmx may swap the preview.
 */
@ConsolePage
class CorrectionPage {

    /** How many of an organization's contacts the page offers to pick from. */
    private static final int CONTACTS_SHOWN = 25;

    private final Tickets tickets;
    private final Users users;
    private final Organizations organizations;
    private final TicketForms forms;
    private final DecisionInWords words;

    CorrectionPage(Tickets tickets, Users users, Organizations organizations, TicketForms forms, DecisionInWords words) {
        this.tickets = tickets;
        this.users = users;
        this.organizations = organizations;
        this.forms = forms;
        this.words = words;
    }

    @GetMapping("/agent/tickets/{id}/correction")
    String form(Actor actor, @PathVariable long id, Model model) {
        actor.requireStaff();
        Ticket ticket = tickets.find(actor, id);
        String typed = ticket.text(forms.fieldId(TicketForms.ORGANIZATION_EMAIL));
        String email = typed != null ? typed : users.find(ticket.requesterId()).map(User::email).orElse("");
        return page(ticket, email, "", model);
    }

    @PostMapping("/agent/tickets/{id}/correction/preview")
    String preview(Actor actor, @PathVariable long id, @RequestParam(defaultValue = "") String email,
                   @RequestParam(defaultValue = "") String organization, Model model, HttpServletResponse response,
                   @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx) {
        actor.requireStaff(); // API-2: authorize before reading what was typed
        // htmx swaps no 4xx answer by default: its in-place preview hears the refusal as a page (200), a full post as 422
        HttpServletResponse refusing = htmx == null ? response : null;
        Ticket ticket = tickets.find(actor, id);
        page(ticket, email.strip(), organization.strip(), model);
        if (!organization.isBlank()) {
            Optional<Organization> named = organizations.withName(actor, organization);
            if (named.isEmpty()) {
                return refused("No organization is named \"" + organization.strip() + "\". Check the name, or give the requester's e-mail.",
                        model, refusing);
            }
            model.addAttribute("contactsOf", named.get().name());
            model.addAttribute("contacts", users.membersOf(named.get().id()).stream().limit(CONTACTS_SHOWN).toList());
            if (email.isBlank()) {
                return "ticket/correction";
            }
        }
        if (email.isBlank()) {
            return refused("Give the requester's e-mail, or an organization to pick the requester from.", model, refusing);
        }
        Optional<User> requester = users.findByEmail(email.strip());
        if (requester.isEmpty()) {
            // DIR-2: the API names requesters by user id and creates none on a correction; nor does this page
            return refused("No user has the e-mail " + email.strip() + ". Check the spelling, or pick the requester from their"
                    + " organization's contacts; a correction names someone the desk already knows, and creates nobody.", model, refusing);
        }
        try {
            Entitlement proposed = tickets.decisionWithRequester(actor, id, requester.get().id());
            model.addAttribute("proposed", words.describe(proposed));
            model.addAttribute("requesterEmail", requester.get().email());
            model.addAttribute("unchanged", requester.get().id() == ticket.requesterId());
            return "ticket/correction";
        } catch (ApiException refused) {
            return refusedBy(refused, model, refusing);
        }
    }

    @PostMapping("/agent/tickets/{id}/correction")
    String save(Actor actor, @PathVariable long id, @RequestParam(defaultValue = "") String email, Model model,
                HttpServletResponse response, RedirectAttributes redirect) {
        actor.requireStaff();
        Ticket ticket = tickets.find(actor, id);
        Optional<User> requester = email.isBlank() ? Optional.empty() : users.findByEmail(email.strip());
        if (requester.isEmpty()) {
            page(ticket, email.strip(), "", model);
            return refused("No user has the e-mail " + email.strip() + "; nothing was changed.", model, response);
        }
        try {
            Ticket corrected = tickets.update(actor, id, TicketChange.fields().settingRequester(requester.get().id()));
            Entitlement now = corrected.entitlement();
            redirect.addFlashAttribute("flash", "Requester corrected to " + requester.get().email() + ": " + now.rule().id() + ", "
                    + words.describe(now).servedUnder() + " (ENT-8).");
            return "redirect:/agent/tickets/" + id;
        } catch (ApiException refused) {
            page(ticket, email.strip(), "", model);
            return refusedBy(refused, model, response);
        }
    }

    private String page(Ticket ticket, String email, String organization, Model model) {
        model.addAttribute("ticket", ticket);
        model.addAttribute("current", words.describe(ticket.entitlement()));
        model.addAttribute("email", email);
        model.addAttribute("organization", organization);
        model.addAttribute("contacts", List.<User>of());
        return "ticket/correction";
    }

    // a rule's refusal (DIR-3, TKT-1) is said on the form, in the API's words; anything else is the error page
    private static String refusedBy(ApiException refused, Model model, @Nullable HttpServletResponse response) {
        if (refused.status() != 422) {
            throw refused;
        }
        return refused(inWords(refused), model, response);
    }

    // a 422's words are in its field errors ("... cannot be the requester of this ticket ...", DIR-3), as the API's details say
    private static String inWords(ApiException refused) {
        List<String> errors = refused.details().values().stream().flatMap(List::stream)
                .map(error -> error.description().contains(error.error()) ? error.description() : error.description() + " (" + error.error() + ")")
                .toList();
        return errors.isEmpty() ? refused.description() : String.join(" ", errors);
    }

    private static String refused(String why, Model model, @Nullable HttpServletResponse response) {
        model.addAttribute("problem", why);
        if (response != null) {
            response.setStatus(422);
        }
        return "ticket/correction";
    }
}
