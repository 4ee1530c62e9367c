package org.partnerdesk.api.web;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.partnerdesk.api.Actor;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.module.SimpleModule;

@Configuration(proxyBeanMethods = false)
class ApiWebConfiguration implements WebMvcConfigurer {

    static {
        // the acting user comes from the Authorization header (ActorArgumentResolver), not from the query string
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Actor.class);
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new ActorArgumentResolver());
    }

    /** API-1: timestamps are ISO-8601 UTC to the second, as Zendesk writes them. */
    @Bean
    JsonMapperBuilderCustomizer zendeskTimestamps() {
        SimpleModule module = new SimpleModule("zendesk-timestamps");
        module.addSerializer(Instant.class, new ValueSerializer<>() {
            @Override
            public void serialize(Instant value, JsonGenerator gen, SerializationContext context) {
                gen.writeString(value.truncatedTo(ChronoUnit.SECONDS).toString());
            }
        });
        return builder -> builder.addModule(module);
    }
}
