package org.partnerdesk.identity;

import org.partnerdesk.api.ApiException;
import org.partnerdesk.api.ErrorResponses;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import tools.jackson.databind.json.JsonMapper;

/** API-2: every API endpoint needs a token; what each role may do is decided by the module that owns it. */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    SecurityFilterChain api(HttpSecurity http, ApiTokens tokens, JsonMapper json) throws Exception {
        return http
                .csrf(csrf -> csrf.disable()) // token-authenticated API: no cookies, so no cross-site forgery
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .logout(logout -> logout.disable())
                .requestCache(cache -> cache.disable())
                .addFilterBefore(new TokenAuthenticationFilter(tokens, json), BasicAuthenticationFilter.class)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/actuator/health/**", "/actuator/health", "/actuator/prometheus", "/actuator/info").permitAll()
                        .requestMatchers("/v3/api-docs/**", "/v3/api-docs", "/swagger-ui.html", "/swagger-ui/**").permitAll()
                        .requestMatchers("/error").permitAll()
                        // FILE-2: an upload link is a capability URL (the token is in the path); only its page and tus paths
                        .requestMatchers("/uploader/*", "/uploader/*/*", "/js/support-uploader.js").permitAll()
                        .requestMatchers("/api/**").authenticated()
                        .anyRequest().permitAll())
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((request, response, ex) -> {
                            response.setHeader("WWW-Authenticate", "Basic realm=\"PartnerDesk\"");
                            ErrorResponses.write(response, new ApiException(401, "Unauthorized",
                                    "Sign in with an API token: email/token:API_TOKEN (basic) or Bearer API_TOKEN."), json);
                        })
                        .accessDeniedHandler((request, response, ex) -> ErrorResponses.write(response,
                                ApiException.forbidden("You are not allowed to do this."), json)))
                .build();
    }
}
