package org.partnerdesk.sla;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

import org.partnerdesk.sla.config.SlaSettings;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** The SLA settings exactly as application.properties ships them, bound the way Spring binds them. */
final class DefaultSlaSettings {

    private DefaultSlaSettings() {
    }

    static SlaSettings load() {
        Properties properties = new Properties();
        try (InputStream in = DefaultSlaSettings.class.getResourceAsStream("/application.properties")) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Binder(new MapConfigurationPropertySource(properties)).bind("partnerdesk.sla", SlaSettings.class).get();
    }
}
