package org.partnerdesk.identity;

import org.partnerdesk.api.ApiException;
import org.partnerdesk.api.ErrorResponses;
import org.partnerdesk.api.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import tools.jackson.databind.json.JsonMapper;

/** API-2: every API endpoint needs a token; what each role may do is decided by the module that owns it. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication // not for a command-line run (DIR-7 import-crm), which has no web server
class SecurityConfiguration {

    @Bean
    SecurityFilterChain api(HttpSecurity http, ApiTokens tokens, Passwords passwords, JsonMapper json) throws Exception {
        return http
                .csrf(csrf -> csrf.disable()) // token-authenticated API: no cookies, so no cross-site forgery
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .logout(logout -> logout.disable())
                .requestCache(cache -> cache.disable())
                .addFilterBefore(new TokenAuthenticationFilter(tokens, passwords, json), BasicAuthenticationFilter.class)
                .authorizeHttpRequests(auth -> auth
                        // probes stay open but answer only UP/DOWN (management.endpoint.health.show-components); metrics are an admin's
                        .requestMatchers("/actuator/health/**", "/actuator/health", "/actuator/info").permitAll()
                        .requestMatchers("/actuator/prometheus").hasRole(Role.ADMIN.name())
                        .requestMatchers("/v3/api-docs/**", "/v3/api-docs", "/swagger-ui.html", "/swagger-ui/**").permitAll()
                        .requestMatchers("/error").permitAll()
                        // PO-1, PO-2: sign-up, portal access requests and invitations come from people without a sign-in yet
                        .requestMatchers(HttpMethod.POST, "/api/v2/partner_applications", "/api/v2/portal_access_requests",
                                "/api/v2/sign_in_invitations/accept", "/api/v2/email_confirmations/confirm").permitAll()
                        // FILE-2: an upload link is a capability URL (the token is in the path); only its page and tus paths
                        .requestMatchers("/uploader/*", "/uploader/*/*", "/js/support-uploader.js").permitAll()
                        .requestMatchers("/api/**").authenticated()
                        .anyRequest().permitAll())
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((request, response, ex) -> {
                            response.setHeader("WWW-Authenticate", TokenAuthenticationFilter.CHALLENGE);
                            ErrorResponses.write(response, new ApiException(401, "Unauthorized",
                                    "Sign in with an API token: email/token:API_TOKEN (basic) or Bearer API_TOKEN."), json);
                        })
                        .accessDeniedHandler((request, response, ex) -> ErrorResponses.write(response,
                                ApiException.forbidden("You are not allowed to do this."), json)))
                .build();
    }

    // API-2: passwords in bcrypt behind the {id} prefix, so stored hashes could move to another scheme later
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
