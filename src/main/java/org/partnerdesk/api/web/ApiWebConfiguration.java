package org.partnerdesk.api.web;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.core.jackson.ModelResolver;
import org.partnerdesk.api.Actor;
import org.springdoc.core.properties.SpringDocConfigProperties;
import org.springdoc.core.providers.ObjectMapperProvider;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication // not for a command-line run (DIR-7 import-crm), which has no web server
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
                gen.writeString(org.partnerdesk.api.WholeSeconds.of(value));
            }
        });
        return builder -> builder.addModule(module);
    }

    /**
     * API-1: the OpenAPI description names properties as the API writes them (snake_case). Swagger reads the models
     * with Jackson 2, not with the app's Jackson 3 mapper, so its model resolver is given that mapper's naming.
     */
    @Bean
    ModelResolver modelsNamedAsTheApiWritesThem(JsonMapper json, ObjectMapperProvider springDocMappers, SpringDocConfigProperties springDoc) {
        ObjectMapper models = springDocMappers.jsonMapper().copy();
        if (json.serializationConfig().getPropertyNamingStrategy() instanceof PropertyNamingStrategies.NamingBase naming) {
            models.setPropertyNamingStrategy(new com.fasterxml.jackson.databind.PropertyNamingStrategies.NamingBase() {
                @Override
                public String translate(String name) {
                    // a NamingBase names a property by its Java name alone; the member it belongs to plays no part
                    return naming.nameForField(null, null, name);
                }
            });
        }
        return new ModelResolver(models).openapi31(springDoc.isOpenapi31());
    }
}
