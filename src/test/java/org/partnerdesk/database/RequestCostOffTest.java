package org.partnerdesk.database;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.partnerdesk.ApiClient.Reply;
import org.partnerdesk.ApiTest;

/** Issue #14: by default ({@code partnerdesk.bench.query-count} off) answers carry no query count and no server timing. */
class RequestCostOffTest extends ApiTest {

    @Test
    void byDefaultAnswersNameNeitherStatementsNorServerTime() {
        Reply me = desk.admin.get("/api/v2/users/me");

        assertThat(me.status()).isEqualTo(200);
        assertThat(me.header(RequestCost.QUERY_COUNT)).isNull();
        assertThat(me.header(RequestCost.SERVER_TIMING)).isNull();
    }
}
