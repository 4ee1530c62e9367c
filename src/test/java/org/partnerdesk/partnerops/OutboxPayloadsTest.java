package org.partnerdesk.partnerops;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.partnerdesk.ApiTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.events.core.EventSerializer;

/**
 * NTF-1: a mail whose sending failed stays in the outbox as JSON and is retried later, maybe by a newer release. The
 * statuses these events carry became enums (#13); the stored payloads keep the codes they had as strings, both ways.
 */
class OutboxPayloadsTest extends ApiTest {

    @Autowired
    EventSerializer serializer;

    @Test
    void anAnswerStoredWithItsStatusAsAStringIsReadBackForTheRetry() { // PO-1, PO-2, NTF-1
        Object application = serializer.deserialize("""
                {"application_id":7,"email":"nina@new.test","name":"Nina New","company":"Nina Consulting",
                 "status":"in_review","message":"We have received your application"}""", PartnerApplicationAnswered.class);
        Object access = serializer.deserialize("""
                {"request_id":8,"email":"rita@partner.test","name":"Rita Rep","organization_name":"ResellCo",
                 "status":"declined","message":"Reason: unknown"}""", PortalAccessAnswered.class);

        assertThat(application).isEqualTo(new PartnerApplicationAnswered(7, "nina@new.test", "Nina New", "Nina Consulting",
                PartnerApplication.Status.IN_REVIEW, "We have received your application"));
        assertThat(access).isEqualTo(new PortalAccessAnswered(8, "rita@partner.test", "Rita Rep", "ResellCo",
                PortalAccessRequest.Status.DECLINED, "Reason: unknown"));
    }

    @Test
    void aDecisionIsStoredWithTheCodesItHadAsStrings() { // PO-4, NTF-1
        NfrExceptionDecided decided = new NfrExceptionDecided(9, "ResellCo", 1, 2, NfrException.Capacity.CHANNEL_DIRECTOR,
                NfrException.Verdict.APPROVE, null, NfrException.Status.APPROVED, List.of(3L));

        Object stored = serializer.serialize(decided);

        assertThat(stored.toString()).contains("\"capacity\":\"channel_director\"", "\"verdict\":\"approve\"", "\"status\":\"approved\"");
        assertThat(serializer.deserialize(stored, NfrExceptionDecided.class)).isEqualTo(decided);
    }
}
