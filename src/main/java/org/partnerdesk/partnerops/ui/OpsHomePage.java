package org.partnerdesk.partnerops.ui;

import java.util.ArrayList;
import java.util.List;

import org.partnerdesk.api.Actor;
import org.partnerdesk.console.ConsolePage;
import org.partnerdesk.directory.Groups;
import org.partnerdesk.partnerops.InboxCounts;
import org.partnerdesk.partnerops.Inboxes;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * UI-1 operations console home ({@code /ops}): how much waits in each inbox of the signed-in person's teams, each
 * linking to its list; htmx refreshes the counts every 30 s and when a live notice says they moved.
 */
@ConsolePage
class OpsHomePage {

    private final Inboxes inboxes;

    OpsHomePage(Inboxes inboxes) {
        this.inboxes = inboxes;
    }

    /** One inbox as the home page lists it. */
    record Inbox(String code, String title, long count, String href, String owner) {
    }

    @GetMapping("/ops")
    String home(Actor actor, Model model) {
        model.addAttribute("inboxes", inboxesOf(actor));
        return "partnerops/home";
    }

    /** The counts alone, which htmx swaps in. */
    @GetMapping("/ops/inbox-counts")
    String counts(Actor actor, Model model) {
        model.addAttribute("inboxes", inboxesOf(actor));
        return "partnerops/home :: inboxes";
    }

    // DIR-8: each inbox belongs to one team; admins oversee them all, "awaiting my decision" is only a director's
    private List<Inbox> inboxesOf(Actor actor) {
        InboxCounts counts = inboxes.counts(actor);
        List<Inbox> shown = new ArrayList<>();
        if (owns(actor, Groups.PARTNER_OPERATIONS)) {
            shown.add(new Inbox("applications", "Partner applications in review", counts.applicationsInReview(),
                    "/ops/applications?status=in_review", Groups.PARTNER_OPERATIONS));
            shown.add(new Inbox("access-requests", "Portal access requests", counts.accessRequestsPending(),
                    "/ops/access-requests?status=pending", Groups.PARTNER_OPERATIONS));
        }
        if (owns(actor, Groups.LICENSING)) {
            shown.add(new Inbox("nfr-requests", "NFR requests awaiting fulfilment", counts.nfrRequestsAwaitingFulfilment(),
                    "/ops/nfr-requests?status=awaiting_fulfilment", Groups.LICENSING));
        }
        if (actor.isMemberOf(Groups.PROGRAMS_DIRECTORS) || actor.isMemberOf(Groups.CHANNEL_DIRECTORS)) {
            shown.add(new Inbox("nfr-exceptions-mine", "NFR exceptions awaiting my decision", counts.exceptionsAwaitingMyDecision(),
                    "/ops/nfr-exceptions?status=" + NfrExceptionsPage.AWAITING_ME,
                    actor.isMemberOf(Groups.PROGRAMS_DIRECTORS) ? Groups.PROGRAMS_DIRECTORS : Groups.CHANNEL_DIRECTORS));
        }
        if (owns(actor, Groups.PARTNER_OPERATIONS)) {
            shown.add(new Inbox("nfr-exceptions-approved", "Approved NFR exceptions to fulfil", counts.exceptionsToFulfil(),
                    "/ops/nfr-exceptions?status=approved", Groups.PARTNER_OPERATIONS));
        }
        if (owns(actor, Groups.BILLING_OPERATIONS)) {
            shown.add(new Inbox("billing-accounts", "Billing accounts to create", counts.billingAccountsToCreate(),
                    "/ops/billing-accounts?status=requested", Groups.BILLING_OPERATIONS));
        }
        return shown;
    }

    private static boolean owns(Actor actor, String group) {
        return actor.isAdmin() || actor.isMemberOf(group);
    }
}
