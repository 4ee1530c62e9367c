package org.partnerdesk.partnerops.routing;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code partnerdesk.routing.self-service.*} (PO-6 [003]): one-on-one training and live portal walkthroughs are out of
 * scope; partners get this answer and these links instead.
 */
@ConfigurationProperties("partnerdesk.routing.self-service")
record SelfServiceMaterial(String intro, List<Link> links) {

    SelfServiceMaterial {
        links = links == null ? List.of() : List.copyOf(links);
    }

    record Link(String title, String url) {
    }

    /** The public reply: the intro, then one line per link. */
    String answer() {
        StringBuilder text = new StringBuilder(intro.strip()).append("\n");
        for (Link link : links) {
            text.append("\n- ").append(link.title()).append(": ").append(link.url());
        }
        return text.toString();
    }
}
