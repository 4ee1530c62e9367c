package org.partnerdesk.api.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.apache.catalina.Container;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.TomcatContextCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Tomcat turns some requests away before the desk sees them (an encoded NUL or a broken escape in the path) and
 * answers them with its own HTML page; this valve writes those in the API's error shape, as JSON, like every other
 * refusal.
 */
@Configuration(proxyBeanMethods = false)
class ContainerErrors {

    @Bean
    TomcatContextCustomizer errorsAsJson() {
        return context -> {
            Container host = context.getParent();
            if (host instanceof StandardHost standard) {
                standard.setErrorReportValveClass(JsonErrorReportValve.class.getName());
            }
        };
    }

    /** Instantiated by Tomcat by its name, hence public with a public constructor. */
    public static class JsonErrorReportValve extends ErrorReportValve {

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int status = response.getStatus();
            if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            String body = status >= 500
                    ? "{\"error\":\"InternalError\",\"description\":\"Something went wrong on our side; nothing was changed.\",\"details\":{}}"
                    : "{\"error\":\"InvalidRequest\",\"description\":\"The request is malformed (its address or a header); the server"
                            + " refused it with status " + status + ".\",\"details\":{}}";
            try {
                response.setContentType("application/json");
                response.setCharacterEncoding(StandardCharsets.UTF_8.name());
                java.io.Writer writer = response.getReporter();
                if (writer != null) {
                    writer.write(body);
                    response.finishResponse();
                }
            } catch (IOException | IllegalStateException e) {
                // the client is gone or the answer already went: nothing left to tell it
            }
        }
    }
}
