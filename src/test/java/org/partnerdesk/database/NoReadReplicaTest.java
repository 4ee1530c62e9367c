package org.partnerdesk.database;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.partnerdesk.ApiTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Issue #18: without {@code PARTNERDESK_READ_REPLICA_URL} nothing of the replica exists and every read uses the primary. */
class NoReadReplicaTest extends ApiTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    LagTolerantReads lagTolerant;
    @Autowired
    JdbcClient primary;

    @Test
    void aDeskWithoutTheSettingHasNoSecondPoolNoWriterCookieAndReadsThePrimary() {
        assertThat(context.getBeanNamesForType(ReadReplica.class)).isEmpty();
        assertThat(context.getBeanNamesForType(RecentWriters.class)).isEmpty();
        JdbcClient used = lagTolerant.read(client -> client);
        assertThat(used).isSameAs(primary);
        assertThat(desk.anonymous().get("/actuator/health/replica").status()).isEqualTo(404);
        var created = desk.admin.post("/api/v2/organizations", """
                {"organization":{"name":"%s","organization_fields":{"org_type":"customer"}}}""".formatted(org.partnerdesk.Desk.unique("NoReplica")));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("Set-Cookie")).isNull();
    }
}
