package org.partnerdesk.partnerops.ui;

import org.partnerdesk.console.LiveUpdates;
import org.partnerdesk.partnerops.NfrExceptionDecided;
import org.partnerdesk.partnerops.NfrExceptionRequested;
import org.partnerdesk.partnerops.NfrLicenseIssued;
import org.partnerdesk.partnerops.NfrRequestSubmitted;
import org.partnerdesk.partnerops.PartnerApplicationAnswered;
import org.partnerdesk.partnerops.PortalAccessAnswered;
import org.partnerdesk.partnerops.SignInInvitationIssued;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * UI-1 live updates: a partner-operations request that comes in or is decided becomes one PostgreSQL notice in the
 * writing transaction, so the inbox counts of /ops move on every node; what no event announces waits for the 30 s refresh.
 */
@Component
class InboxesLiveUpdates {

    private final LiveUpdates live;

    InboxesLiveUpdates(LiveUpdates live) {
        this.live = live;
    }

    @EventListener
    void on(PartnerApplicationAnswered answered) {
        live.inboxesChanged();
    }

    @EventListener
    void on(SignInInvitationIssued invited) {
        live.inboxesChanged();
    }

    @EventListener
    void on(PortalAccessAnswered answered) {
        live.inboxesChanged();
    }

    @EventListener
    void on(NfrRequestSubmitted submitted) {
        live.inboxesChanged();
    }

    @EventListener
    void on(NfrExceptionRequested requested) {
        live.inboxesChanged();
    }

    @EventListener
    void on(NfrExceptionDecided decided) {
        live.inboxesChanged();
    }

    @EventListener
    void on(NfrLicenseIssued issued) {
        live.inboxesChanged();
    }
}
