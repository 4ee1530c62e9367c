package org.partnerdesk.notification;

import java.util.List;

import org.partnerdesk.api.OutboxListener;
import org.partnerdesk.partnerops.NfrException;
import org.partnerdesk.partnerops.NfrExceptionDecided;
import org.partnerdesk.partnerops.NfrExceptionRequested;
import org.springframework.stereotype.Component;

/**
 * PO-4 [003]: the directors are asked to decide on an NFR exception; the channel manager hears each decision, and
 * Partner Operations hear when both directors approved.
 */
@Component
class NfrExceptionMail {

    private final PartnerMail mail;

    NfrExceptionMail(PartnerMail mail) {
        this.mail = mail;
    }

    @OutboxListener
    void on(NfrExceptionRequested requested) {
        mail.send(requested, requested.deciderIds(), "[PartnerDesk] NFR Exception for " + requested.partnerName() + " (#" + requested.exceptionId() + ")",
                "A channel manager asks for an NFR exception #" + requested.exceptionId() + " for " + requested.partnerName()
                        + " on NFR request #" + requested.nfrRequestId() + ": " + requested.users() + " users.\n\nBusiness justification: "
                        + requested.businessJustification() + "\n\nIt needs the approval of a Programs Director and of the channel"
                        + " manager's Channel Director (PO-4): POST /api/v2/nfr_exceptions/" + requested.exceptionId()
                        + "/decisions with {\"decision\":{\"verdict\":\"approve|decline\",\"comment\":\"…\"}}.");
    }

    @OutboxListener
    void on(NfrExceptionDecided decided) {
        String comment = decided.comment() == null ? "" : "\nComment: " + decided.comment();
        String decision = "The " + decided.capacity().code().replace('_', ' ') + " decided to " + decided.verdict().code() + " NFR exception #"
                + decided.exceptionId() + " for " + decided.partnerName() + "." + comment + "\n\nThe exception is now " + decided.status().code() + ".";
        mail.send(decided, List.of(decided.requestedBy()), "[PartnerDesk] NFR exception #" + decided.exceptionId() + " for "
                + decided.partnerName() + ": " + decided.verdict().code() + " (" + decided.status().code() + ")", decision);
        if (decided.status() == NfrException.Status.APPROVED) {
            mail.send(decided, decided.fulfillerIds(), "[PartnerDesk] NFR exception #" + decided.exceptionId() + " approved: please fulfil",
                    decision + " Both directors approved (PO-4): fulfil it with POST /api/v2/nfr_exceptions/" + decided.exceptionId() + "/fulfil.");
        }
    }
}
