package org.partnerdesk.ticket.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ViewCountTest {

    @Test
    void aCountPastAThousandReadsAsMore() {
        assertThat(new ViewCount(1001).text()).isEqualTo("1,000+");
        assertThat(new ViewCount(1000).text()).isEqualTo("1000");
        assertThat(new ViewCount(1).unit()).isEqualTo(" ticket");
    }
}
