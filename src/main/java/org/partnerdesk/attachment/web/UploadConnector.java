package org.partnerdesk.attachment.web;

import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * FILE-1: a client that sends {@code Expect: 100-continue} hears "continue" only when the desk starts reading the body,
 * so an upload refused on its Content-Length (413) is never sent at all. Tomcat's default answers at once.
 */
@Configuration(proxyBeanMethods = false)
class UploadConnector {

    @Bean
    TomcatConnectorCustomizer continueWhenTheBodyIsRead() {
        return connector -> connector.setProperty("continueResponseTiming", "onRead");
    }
}
