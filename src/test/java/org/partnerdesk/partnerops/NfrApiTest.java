package org.partnerdesk.partnerops;

import org.junit.jupiter.api.BeforeEach;
import org.partnerdesk.ApiTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Base of the PO-3/PO-4 tests: the desk, its database, and the NFR fixtures on top of it. */
abstract class NfrApiTest extends ApiTest {

    @Autowired
    JdbcClient db;

    NfrDesk nfr;

    @BeforeEach
    void openNfrDesk() {
        nfr = new NfrDesk(desk, MAIL);
    }
}
