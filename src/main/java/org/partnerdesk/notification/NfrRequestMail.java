package org.partnerdesk.notification;

import java.util.List;
import java.util.stream.Collectors;

import org.partnerdesk.api.OutboxListener;
import org.partnerdesk.directory.Groups;
import org.partnerdesk.directory.User;
import org.partnerdesk.partnerops.NfrRequestSubmitted;
import org.springframework.stereotype.Component;

/**
 * PO-3 [003]: the submitter of an ineligible NFR request is told each missing requirement and how to meet it;
 * Licensing is told of an eligible one, which is theirs to fulfil.
 */
@Component
class NfrRequestMail {

    private final PartnerMail mail;
    private final Groups groups;

    NfrRequestMail(PartnerMail mail, Groups groups) {
        this.mail = mail;
        this.groups = groups;
    }

    @OutboxListener
    void on(NfrRequestSubmitted request) {
        String what = request.users() + " " + request.plan() + " NFR users (" + request.deployment().replace('_', '-') + ") for "
                + request.partnerName();
        if (request.eligible()) {
            mail.send(request, groups.membersOf(Groups.LICENSING).stream().map(User::id).toList(),
                    "[PartnerDesk] NFR request #" + request.requestId() + " awaits fulfilment",
                    "NFR request #" + request.requestId() + " asks for " + what + ". The partner meets every requirement (PO-3);"
                            + " fulfil it with POST /api/v2/nfr_requests/" + request.requestId() + "/fulfil.");
            return;
        }
        String missing = request.missing().stream()
                .map(r -> "- " + r.fact() + ".\n  How to meet it: " + r.howToMeet())
                .collect(Collectors.joining("\n"));
        mail.send(request, List.of(request.submitterId()), "[PartnerDesk] NFR request #" + request.requestId() + ": not eligible yet",
                "Your NFR request #" + request.requestId() + " for " + what + " cannot be fulfilled: your organization does not meet"
                        + " these NFR requirements yet (PO-3):\n\n" + missing
                        + "\n\nOnce they are met, submit a new NFR request from the partner portal.");
    }
}
