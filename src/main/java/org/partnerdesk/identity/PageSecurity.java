package org.partnerdesk.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.partnerdesk.api.Actor;
import org.partnerdesk.api.Role;
import org.partnerdesk.identity.persistence.StoredActors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.DefaultCookieSerializer;

/**
 * UI-1: the pages' half of the security split. {@code /api/**} keeps its tokens and no session ({@link SecurityConfiguration});
 * the pages sign in with a form, keep a session in PostgreSQL, check CSRF on every form and run no inline script.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class PageSecurity {

    /** Every address a page, its sign-in or its live stream is served on; the rest is the API's chain. */
    static final String[] PAGES = {"/agent", "/agent/**", "/portal", "/portal/**", "/ops", "/ops/**", "/sign-in", "/sign-out",
            "/password/**", "/live/**", "/denied", "/oauth2/**", "/login/oauth2/**"};

    /** Scripts and styles from the desk only, no inline script (htmx runs with allowEval off), no framing. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    @Bean
    @Order(1)
    SecurityFilterChain pages(HttpSecurity http, Passwords passwords, ObjectProvider<ClientRegistrationRepository> companyAccounts,
                              StoredActors actors) throws Exception {
        var failure = new SimpleUrlAuthenticationFailureHandler("/sign-in?error");
        ClientRegistrationRepository company = companyAccounts.getIfAvailable();
        if (company != null) { // UI-1: only when PARTNERDESK_OIDC_ISSUER is set (CompanySignIn)
            http.oauth2Login(oidc -> oidc.loginPage("/sign-in").clientRegistrationRepository(company)
                    .authorizedClientRepository(new CompanySignIn.NoAuthorizedClients())
                    .userInfoEndpoint(user -> user.oidcUserService(new StaffAccounts(actors)))
                    .successHandler(new CompanyAccountSignedIn()).failureHandler(failure));
        }
        return http
                .securityMatcher(PAGES)
                .authenticationProvider(new PasswordSignIn(passwords))
                .formLogin(form -> form.loginPage("/sign-in").usernameParameter("email").passwordParameter("password")
                        .successHandler(new StartPage()).failureHandler(failure).permitAll())
                .requestCache(cache -> cache.requestCache(pagesToReturnTo()))
                .logout(out -> out.logoutUrl("/sign-out").logoutSuccessUrl("/sign-in?signed-out").permitAll())
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(
                                org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)))
                .exceptionHandling(e -> e.accessDeniedPage("/denied").authenticationEntryPoint(new SessionEnded()))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/sign-in", "/password/**", "/denied").permitAll()
                        .requestMatchers(HttpMethod.GET, "/portal/sign-up", "/portal/access").permitAll()
                        .requestMatchers(HttpMethod.POST, "/portal/sign-up", "/portal/access").permitAll()
                        .requestMatchers("/portal/confirm").permitAll() // #15: the mailed link of PO-1/PO-2 confirms without an account
                        .requestMatchers("/agent", "/agent/**").hasAnyRole(Role.AGENT.name(), Role.ADMIN.name())
                        .requestMatchers("/ops", "/ops/**").hasAnyRole(Role.AGENT.name(), Role.ADMIN.name())
                        .anyRequest().authenticated())
                .build();
    }

    /** After sign-in the person goes back to the page asked for: a whole page, never an htmx fragment or a live stream. */
    private static RequestCache pagesToReturnTo() {
        var cache = new HttpSessionRequestCache();
        cache.setRequestMatcher(request -> HttpMethod.GET.matches(request.getMethod()) && request.getHeader("HX-Request") == null
                && !request.getRequestURI().startsWith(request.getContextPath() + "/live/"));
        return cache;
    }

    /** UI-1: {@code Secure} cookies whenever the desk's public address is https, whatever the proxy in front says. */
    @Bean
    CookieSerializer sessionCookie(@Value("${partnerdesk.onboarding.portal-url}") String publicUrl,
                                   @Value("${server.servlet.session.cookie.name}") String name) {
        var cookie = new DefaultCookieSerializer();
        cookie.setCookieName(name);
        cookie.setUseHttpOnlyCookie(true);
        cookie.setSameSite("Lax");
        cookie.setUseSecureCookie(publicUrl.startsWith("https:"));
        cookie.setCookiePath("/");
        return cookie;
    }

    /** After sign-in: the page asked for, else agents to their queues and everyone else to the portal. */
    static final class StartPage extends SavedRequestAwareAuthenticationSuccessHandler {

        @Override
        protected String determineTargetUrl(HttpServletRequest request, HttpServletResponse response, Authentication signedIn) {
            return signedIn.getPrincipal() instanceof Actor actor && actor.isStaff() ? "/agent" : "/portal";
        }
    }
}
