package org.partnerdesk.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.EOFException;

import org.apache.catalina.connector.ClientAbortException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** The catch-all answer: a client that hung up is not a server error; anything else unexpected is a logged 500. */
@ExtendWith(OutputCaptureExtension.class)
class ErrorHandlingTest {

    @Test
    void aClientThatHungUpGetsNoAnswerAndOneInfoLineWithoutStackTrace(CapturedOutput output) {
        assertThat(new ErrorHandling().unexpected(new ClientAbortException(new EOFException()))).isNull();

        assertThat(output.getOut()).contains("The client went away before the answer").doesNotContain("ERROR").doesNotContain("\tat ");
    }

    @Test
    void anythingElseUnexpectedIsA500AndAnErrorLine(CapturedOutput output) {
        var answer = new ErrorHandling().unexpected(new IllegalStateException("boom"));

        assertThat(answer).isNotNull();
        assertThat(answer.getStatusCode().value()).isEqualTo(500);
        assertThat(output.getOut()).contains("ERROR").contains("Unexpected error");
    }
}
