package org.partnerdesk.jobs;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.util.HexFormat;

import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Issue #11 item 8: this node's name among the nodes of one database, {@code host:port/id}, e.g. {@code desk-1:8080/3fa9c2}.
 * Two nodes on one host, or two starts of one node, never share it: the id is new at every start. It is what
 * db-scheduler records in {@code scheduled_tasks.picked_by}, what the start-up line names, and where an unfinished Support
 * Uploader upload is staged. The port is the one the web server really bound ({@code -} for a command-line run).
 */
@Component
public class NodeName {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final String host;
    private final String id;
    private volatile String port = "-";

    NodeName() {
        this.host = hostName();
        byte[] bytes = new byte[3];
        RANDOM.nextBytes(bytes);
        this.id = HexFormat.of().formatHex(bytes);
    }

    @EventListener
    void serving(WebServerInitializedEvent event) {
        if (event.getApplicationContext().getServerNamespace() == null) { // the API's server, not a management one
            port = Integer.toString(event.getWebServer().getPort());
        }
    }

    public String value() {
        return host + ":" + port + "/" + id;
    }

    @Override
    public String toString() {
        return value();
    }

    private static String hostName() {
        String fromEnvironment = System.getenv("HOSTNAME");
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return fromEnvironment.strip();
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
