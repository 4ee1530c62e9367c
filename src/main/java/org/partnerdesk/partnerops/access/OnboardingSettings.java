package org.partnerdesk.partnerops.access;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** PO-1/PO-2 settings: invitation and e-mail confirmation lifetimes, the limits of the unauthenticated endpoints, the demo partner, the portal address. */
@Component
public class OnboardingSettings {

    private final Duration invitationExpiresAfter;
    private final Duration confirmationExpiresAfter;
    private final Duration limitWindow;
    private final int perClient;
    private final int perEmail;
    private final String demoPartnerExternalId;
    private final String portalUrl;

    OnboardingSettings(@Value("${partnerdesk.onboarding.invitation-expires-after:PT72H}") Duration invitationExpiresAfter,
                       @Value("${partnerdesk.onboarding.rate-limit.window:PT1H}") Duration limitWindow,
                       @Value("${partnerdesk.onboarding.rate-limit.per-client:20}") int perClient,
                       @Value("${partnerdesk.onboarding.rate-limit.per-email:5}") int perEmail,
                       @Value("${partnerdesk.onboarding.demo-partner-external-id:DEMO-PARTNERDESK-PS}") String demoPartnerExternalId,
                       @Value("${partnerdesk.onboarding.portal-url:http://localhost:8080}") String portalUrl,
                       @Value("${partnerdesk.onboarding.confirmation-expires-after:PT24H}") Duration confirmationExpiresAfter) {
        if (invitationExpiresAfter.isNegative() || invitationExpiresAfter.isZero() || !confirmationExpiresAfter.isPositive() || limitWindow.toSeconds() < 1
                || limitWindow.compareTo(org.partnerdesk.identity.Attempts.LONGEST_WINDOW) > 0 || perClient < 1 || perEmail < 1) {
            throw new IllegalArgumentException("partnerdesk.onboarding: durations and limits must be positive, the window at most a day");
        }
        this.invitationExpiresAfter = invitationExpiresAfter;
        this.confirmationExpiresAfter = confirmationExpiresAfter;
        this.limitWindow = limitWindow;
        this.perClient = perClient;
        this.perEmail = perEmail;
        this.demoPartnerExternalId = demoPartnerExternalId.strip();
        this.portalUrl = portalUrl.strip().replaceAll("/+$", "");
    }

    public Duration invitationExpiresAfter() {
        return invitationExpiresAfter;
    }

    /** #10 items 1, 2: how long the mailed confirmation of a request made without a sign-in works. */
    public Duration confirmationExpiresAfter() {
        return confirmationExpiresAfter;
    }

    public Duration limitWindow() {
        return limitWindow;
    }

    public int perClient() {
        return perClient;
    }

    public int perEmail() {
        return perEmail;
    }

    public String demoPartnerExternalId() {
        return demoPartnerExternalId;
    }

    public String portalUrl() {
        return portalUrl;
    }
}
