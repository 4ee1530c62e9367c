package org.partnerdesk.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.partnerdesk.ApiTest;
import org.partnerdesk.Desk;
import org.partnerdesk.api.OutboxListener;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * NTF-1, issue #19: an outbox listener's work and its publication's completion commit in one transaction, and a failed
 * delivery keeps nothing of its work but its publication, marked failed with the reason.
 */
@Import(OutboxTransactionsTest.Probes.class)
class OutboxTransactionsTest extends ApiTest {

    /** What the probe listener is asked to do: write {@code marker}, then fail or not. */
    record Probe(String marker, boolean fail) {
    }

    static class ProbeListener {

        private final JdbcClient db;

        ProbeListener(JdbcClient db) {
            this.db = db;
        }

        @OutboxListener
        void on(Probe probe) throws IOException {
            db.sql("insert into outbox_probe (marker) values (?)").param(probe.marker()).update();
            if (probe.fail()) {
                throw new IOException("the probe's receiver is down");
            }
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Probes {
        @Bean
        ProbeListener probeListener(JdbcClient db) {
            return new ProbeListener(db);
        }
    }

    @Autowired
    JdbcClient db;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    ApplicationEventPublisher events;

    @BeforeEach
    void probeTable() {
        db.sql("create table if not exists outbox_probe (marker text not null)").update();
    }

    @AfterEach
    void forgetProbes() { // no other test's retry job should find a publication whose listener it does not have
        db.sql("delete from event_publication where event_type = ?").param(Probe.class.getName()).update();
    }

    @Test
    void aDeliveredEventsPublicationIsGoneWhenItsListenersWorkIsSaved() {
        String marker = Desk.unique("delivered");

        publish(new Probe(marker, false));

        assertThat(eventually(() -> written(marker), 1)).isEqualTo(1);
        assertThat(eventually(() -> publications(marker).size(), 0)).isZero();
    }

    @Test
    void aFailedDeliveryKeepsNothingOfItsWorkAndItsPublicationIsMarkedFailedWithTheReason() {
        String marker = Desk.unique("failed");

        publish(new Probe(marker, true));

        assertThat(eventually(() -> publications(marker), List.of("FAILED"))).containsExactly("FAILED");
        assertThat(written(marker)).as("the probe's insert rolled back with the checked failure").isZero();
        assertThat(db.sql("""
                        select f.reason from outbox_failures f join event_publication p on p.id = f.publication_id
                         where p.serialized_event like ?""").param("%" + marker + "%").query(String.class).list())
                .containsExactly("IOException: the probe's receiver is down");
    }

    private void publish(Probe probe) {
        transaction.executeWithoutResult(status -> events.publishEvent(probe));
    }

    private int written(String marker) {
        return db.sql("select count(*) from outbox_probe where marker = ?").param(marker).query(Integer.class).single();
    }

    private List<String> publications(String marker) {
        return db.sql("select coalesce(status, 'PUBLISHED') from event_publication where serialized_event like ?")
                .param("%" + marker + "%").query(String.class).list();
    }

    private static <T> T eventually(Supplier<T> read, T expected) {
        long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        T value = read.get();
        while (!value.equals(expected) && System.nanoTime() < until) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return value;
            }
            value = read.get();
        }
        return value;
    }
}
