package org.partnerdesk.console;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.partnerdesk.api.ApiException;
import org.partnerdesk.api.StorableText;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Text posted to a page is held to the JSON API's rule ({@link StorableText}): a field with a NUL character or an unpaired
 * surrogate is a 400 page naming the field, before any page reads it, instead of a failed insert (a 500) deep in a module.
 * The query string was already checked by the API's filter; this covers form bodies, multipart fields included.
 */
@Configuration(proxyBeanMethods = false)
class FormTextGuard implements WebMvcConfigurer, HandlerInterceptor {

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (handler instanceof HandlerMethod page && page.getBeanType().isAnnotationPresent(ConsolePage.class)) {
            for (Map.Entry<String, String[]> field : request.getParameterMap().entrySet()) {
                requireStorable(field.getKey(), field.getValue());
            }
        }
        return true;
    }

    private static void requireStorable(String name, String[] values) {
        boolean storable = StorableText.isStorable(name);
        for (String value : values) {
            storable &= StorableText.isStorable(value);
        }
        if (!storable) {
            String shown = StorableText.isStorable(name) ? name : StorableText.cleaned(name);
            throw ApiException.badRequest("InvalidParameter", "The field " + shown + " " + StorableText.PROBLEM
                    + ". Go back, remove that character and send the form again.");
        }
    }
}
