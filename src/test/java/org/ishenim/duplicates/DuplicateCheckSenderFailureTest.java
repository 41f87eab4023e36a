package org.ishenim.duplicates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionTemplate;

/** A background send that fails is logged by its type only, never with its message, and does not escape. */
@ExtendWith(OutputCaptureExtension.class)
class DuplicateCheckSenderFailureTest {

    @TempDir
    Path dir;

    @Test
    void aFailedScheduledSendIsLoggedWithoutItsMessage(CapturedOutput output) throws Exception {
        Path secret = dir.resolve("secret");
        Files.writeString(secret, ClinicEncoderTest.SECRET);
        ClinicEncoder encoder = new ClinicEncoder(secret.toString(), "clinic", "", "", ClinicEncoderTest.HUB);
        TransactionTemplate failing = new TransactionTemplate() {
            @Override
            public <T> T execute(TransactionCallback<T> action) {
                throw new IllegalStateException("Aibek Usenov, born 1990-04-12");
            }
        };
        var sender = new DuplicateCheckSender(null, null, null, encoder, null, ClinicEncoderTest.HUB, failing, true);

        assertThatCode(sender::scheduled).doesNotThrowAnyException();

        assertThat(output).contains("Duplicate check failed (IllegalStateException)").doesNotContain("Usenov")
                .doesNotContain("1990-04-12");
    }
}
