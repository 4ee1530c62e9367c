package org.partnerdesk;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.zendesk.client.v2.Zendesk;

/** Base of the API-1 tests that drive the desk with the real, unchanged zendesk-java-client, signed in as the admin. */
public abstract class ZendeskClientTest extends ApiTest {

    protected Zendesk zendesk;

    @BeforeEach
    void connect() {
        zendesk = configure(new Zendesk.Builder(baseUrl()).setUsername(ADMIN_EMAIL).setToken(ADMIN_TOKEN)).build();
    }

    @AfterEach
    void disconnect() {
        zendesk.close();
    }

    /** A test's own client settings, such as a page size. */
    protected Zendesk.Builder configure(Zendesk.Builder client) {
        return client;
    }
}
