package org.partnerdesk.partnerops;

import java.util.Optional;

import org.partnerdesk.partnerops.access.Confirmations;
import org.partnerdesk.partnerops.access.OnboardingSettings;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * #10 items 1, 2: the owner of an e-mail address confirms, with the token mailed there, a sign-up (PO-1) or portal access
 * request (PO-2) someone made without a sign-in; only then does the request go on. Before that it touches no existing
 * account, opens no ticket and creates no organization, so a stranger cannot act in anyone's name.
 */
@Service
public class AddressConfirmations {

    private final Confirmations confirmations;
    private final SignUps signUps;
    private final PortalAccess portalAccess;
    private final OnboardingSettings settings;

    AddressConfirmations(Confirmations confirmations, SignUps signUps, PortalAccess portalAccess, OnboardingSettings settings) {
        this.confirmations = confirmations;
        this.signUps = signUps;
        this.portalAccess = portalAccess;
        this.settings = settings;
    }

    /** What the confirmation let go on, and where that request stands now. */
    public sealed interface Confirmed {

        /** PO-1: a sign-up, now in review or approved. */
        record Application(long applicationId, PartnerApplication.Status status) implements Confirmed {
        }

        /** PO-2: a portal access request, now pending. */
        record AccessRequest(long requestId, PortalAccessRequest.Status status) implements Confirmed {
        }
    }

    @Transactional
    public Confirmed confirm(String token) {
        Confirmations.Confirmed confirmed = confirmations.redeem(token);
        return switch (confirmed.recordType()) {
            case Transition.PARTNER_APPLICATION ->
                    new Confirmed.Application(confirmed.recordId(), signUps.confirmed(confirmed.recordId()).status());
            case Transition.PORTAL_ACCESS_REQUEST ->
                    new Confirmed.AccessRequest(confirmed.recordId(), portalAccess.confirmed(confirmed.recordId()).status());
            default -> throw new IllegalStateException("no confirmation for " + confirmed.recordType());
        };
    }

    /** For the confirmation mail: a fresh token for a still usable confirmation, its hash stored as the mail goes out. */
    public Optional<String> mintToken(long confirmationId) {
        return confirmations.mintToken(confirmationId);
    }

    /** Where the confirmation mail sends people, with the token appended. */
    public String link(String token) {
        return settings.portalUrl() + "/portal/confirm?token=" + token;
    }
}
