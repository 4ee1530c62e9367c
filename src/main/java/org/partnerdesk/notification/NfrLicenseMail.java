package org.partnerdesk.notification;

import org.partnerdesk.api.OutboxListener;
import org.partnerdesk.partnerops.NfrLicenseIssued;
import org.partnerdesk.partnerops.NfrRenewalDue;
import org.springframework.stereotype.Component;

/** PO-3, PO-4: the partner hears that its NFR license was issued or renewed, and an Open partner when to ask again. */
@Component
class NfrLicenseMail {

    private final PartnerMail mail;

    NfrLicenseMail(PartnerMail mail) {
        this.mail = mail;
    }

    @OutboxListener
    void on(NfrLicenseIssued issued) {
        String source = switch (issued.how()) {
            case "renewal" -> "was renewed automatically (Select partners' NFR licenses renew before they end)";
            case "exception" -> "was issued for NFR request #" + issued.requestId() + " under NFR exception #" + issued.exceptionId()
                    + ", approved by both directors (PO-4)";
            default -> "was issued for your NFR request #" + issued.requestId() + " (PO-3)";
        };
        mail.send(issued, issued.recipientIds(), "[PartnerDesk] NFR license #" + issued.licenseId() + " for " + issued.partnerName(),
                "NFR license #" + issued.licenseId() + " " + source + ": " + issued.users() + " users on " + issued.plan()
                        + ", from " + issued.startsOn() + " to " + issued.endsOn() + ".\n\nNFR licenses serve internal training,"
                        + " integration testing and demos only; never a customer environment or managed services.");
    }

    @OutboxListener
    void on(NfrRenewalDue due) {
        mail.send(due, due.recipientIds(), "[PartnerDesk] NFR license #" + due.licenseId() + " ends on " + due.endsOn(),
                "NFR license #" + due.licenseId() + " of " + due.partnerName() + " (" + due.users() + " users) ends on " + due.endsOn()
                        + " and does not renew by itself. To keep NFR users, submit a new NFR request from the partner portal"
                        + " before that day (PO-3); the new license starts when this one ends.");
    }
}
