package org.partnerdesk.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.partnerdesk.ApiClient;
import org.partnerdesk.ApiTest;
import org.partnerdesk.DeskWithoutMailServer;

/** Issue #16: a new desk's operations console has something in each partner-operations inbox. */
class DemoOperationsTest extends DeskWithoutMailServer {

    @Test
    void eachPartnerOperationsInboxHoldsARequestOnANewDesk() { // PO-1..PO-4
        ApiClient admin = ApiClient.withToken("http://localhost:" + port, ApiTest.ADMIN_EMAIL, ApiTest.ADMIN_TOKEN);

        assertThat(admin.get("/api/v2/partner_applications?status=in_review").json().get("partner_applications").size()).isEqualTo(2);
        assertThat(admin.get("/api/v2/portal_access_requests?status=pending").json().get("portal_access_requests").size()).isEqualTo(1);
        assertThat(admin.get("/api/v2/nfr_requests").text()).contains("awaiting_fulfilment", "ineligible");
        assertThat(admin.get("/api/v2/nfr_exceptions?status=pending").json().get("nfr_exceptions").size()).isEqualTo(1);
    }
}
