package org.partnerdesk.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;

/**
 * UI-1: staff may sign in with the company's OpenID Connect provider when {@code PARTNERDESK_OIDC_ISSUER},
 * {@code _CLIENT_ID} and {@code _CLIENT_SECRET} are set: one client, registration id {@code company}, its endpoints read
 * from the issuer's discovery document at start-up. Without an issuer nothing of it exists and the sign-in page offers
 * only the password. {@link PageSecurity} turns the sign-in on when this repository is there; {@link StaffAccounts}
 * decides who gets in.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
@Conditional(CompanySignIn.Configured.class)
class CompanySignIn {

    static final String REGISTRATION_ID = "company";

    @Bean
    ClientRegistrationRepository companyAccounts(@Value("${partnerdesk.oidc.issuer}") String issuer,
                                                 @Value("${partnerdesk.oidc.client-id:}") String clientId,
                                                 @Value("${partnerdesk.oidc.client-secret:}") String clientSecret) {
        if (clientId.isBlank() || clientSecret.isBlank()) {
            throw new IllegalStateException("PARTNERDESK_OIDC_ISSUER is set, so PARTNERDESK_OIDC_CLIENT_ID and "
                    + "PARTNERDESK_OIDC_CLIENT_SECRET are needed too (the client registered for the desk at " + issuer.strip() + ")");
        }
        ClientRegistration company = ClientRegistrations.fromIssuerLocation(issuer.strip())
                .registrationId(REGISTRATION_ID)
                .clientId(clientId.strip())
                .clientSecret(clientSecret.strip())
                .scope("openid", "email", "profile")
                .clientName("your company account")
                .build();
        return new InMemoryClientRegistrationRepository(company);
    }

    /** On when an issuer is set; an empty variable counts as not set. */
    static final class Configured implements Condition {

        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            String issuer = context.getEnvironment().getProperty("partnerdesk.oidc.issuer");
            return issuer != null && !issuer.isBlank();
        }
    }

    /**
     * The provider's tokens are not kept anywhere: the desk asks the provider only who signs in, and from then on the
     * session holds our own {@code Actor} ({@link CompanyAccountSignedIn}), like after a password sign-in.
     */
    static final class NoAuthorizedClients implements OAuth2AuthorizedClientRepository {

        @Override
        public <T extends OAuth2AuthorizedClient> @Nullable T loadAuthorizedClient(String registrationId, Authentication principal,
                                                                                  HttpServletRequest request) {
            return null;
        }

        @Override
        public void saveAuthorizedClient(OAuth2AuthorizedClient client, Authentication principal, HttpServletRequest request,
                                         HttpServletResponse response) {
            // kept nowhere on purpose
        }

        @Override
        public void removeAuthorizedClient(String registrationId, Authentication principal, HttpServletRequest request,
                                           HttpServletResponse response) {
            // nothing was kept
        }
    }
}
