package org.partnerdesk.console;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.LiteWebJarsResourceResolver;
import org.springframework.web.servlet.resource.ResourceUrlProvider;
import org.springframework.web.servlet.resource.VersionResourceResolver;

/**
 * UI-1 budgets: the pages' styles and scripts (ours under {@code /assets}, htmx from its webjar) are served by the desk
 * itself under names that carry a hash of their content, so a browser keeps them a year and a new release is fetched at once.
 */
@Configuration(proxyBeanMethods = false)
class Assets implements WebMvcConfigurer {

    private static final CacheControl A_YEAR = CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/assets/**").addResourceLocations("classpath:/static/assets/")
                .setCacheControl(A_YEAR).resourceChain(true)
                .addResolver(new VersionResourceResolver().addContentVersionStrategy("/**"));
        registry.addResourceHandler("/webjars/**").addResourceLocations("classpath:/META-INF/resources/webjars/")
                .setCacheControl(A_YEAR).resourceChain(true)
                .addResolver(new VersionResourceResolver().addContentVersionStrategy("/**"))
                .addResolver(new LiteWebJarsResourceResolver());
    }

    /** Rewrites {@code @{/assets/desk.css}} in templates to its fingerprinted name; pages only, the API answers JSON. */
    @Bean
    FilterRegistrationBean<FingerprintedLinks> fingerprintedLinks(@Qualifier("mvcResourceUrlProvider") ResourceUrlProvider assets) {
        var registration = new FilterRegistrationBean<>(new FingerprintedLinks(assets));
        registration.addUrlPatterns("/agent/*", "/portal/*", "/ops/*", "/sign-in", "/password/*", "/denied");
        return registration;
    }
}
