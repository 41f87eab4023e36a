package org.ishenim.duplicates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
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
        // the registry offers one incomplete publication; deciding whether it is due reads the database, which fails
        IncompleteEventPublications registry = new IncompleteEventPublications() {
            @Override
            public void resubmitIncompletePublications(Predicate<EventPublication> filter) {
                EventPublication publication = mock(EventPublication.class);
                when(publication.getEvent()).thenReturn(
                        new HubUpdateRequested("0123456789abcdef0123456789abcdef", DuplicateChecks.Action.CHECK, 1));
                filter.test(publication);
            }

            @Override
            public void resubmitIncompletePublicationsOlderThan(Duration duration) {
                throw new UnsupportedOperationException();
            }

            @Override
            public void resubmitIncompletePublications(ResubmissionOptions options) {
                throw new UnsupportedOperationException();
            }
        };
        var sender = new DuplicateCheckSender(null, null, null, encoder, null, ClinicEncoderTest.HUB, failing, registry,
                Clock.systemUTC(), true, Duration.ofSeconds(30), Duration.ofHours(1));

        assertThatCode(sender::scheduled).doesNotThrowAnyException();

        assertThat(output).contains("Duplicate check failed (IllegalStateException)").doesNotContain("Usenov")
                .doesNotContain("1990-04-12");
    }
}
