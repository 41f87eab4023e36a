package org.ishenim.duplicates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import org.ishenim.clients.Client;
import org.ishenim.clients.ClientId;
import org.ishenim.clients.ClientStatus;
import org.ishenim.clients.Identity;
import org.ishenim.clients.IdentityState;
import org.ishenim.clients.Sex;
import org.ishenim.clients.Uic;
import org.ishenim.linkage.ConfiguredEncoding;
import org.ishenim.linkage.EncodingConfiguration;
import org.ishenim.linkage.LinkageSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Local encoding with the shared secret: spellings agree, the salt separates birth years, misconfiguration fails. */
class ClinicEncoderTest {

    static final String SECRET = "encoder-test-secret-0123456789";

    @TempDir
    Path dir;

    static final HubConnection HUB = new HubConnection("http://hub.example", "", "");
    static final HubConnection NO_HUB = new HubConnection("", "", "");

    ClinicEncoder encoder(String encoding) throws Exception {
        return encoder(encoding, "");
    }

    ClinicEncoder encoder(String encoding, String deprecatedSalt) throws Exception {
        Path file = dir.resolve("secret");
        Files.writeString(file, SECRET + "\n");
        return new ClinicEncoder(file.toString(), "clinic", encoding, deprecatedSalt, HUB);
    }

    static Client client(int birthYear) {
        return new Client(new ClientId(java.util.UUID.randomUUID()), new Uic("M" + birthYear + "AYBA"), "x", Sex.M, birthYear, ClientStatus.ACTIVE,
                IdentityState.STORED, Instant.now(), "nurse");
    }

    @Test
    void cyrillicAndLatinSpellingsOfOnePersonAreCandidates() throws Exception {
        ClinicEncoder encoder = encoder("plain");
        var cyrillic = encoder.encode(client(1985), new Identity("Айбек", "Токтогулов", LocalDate.of(1985, 3, 14), null));
        var latin = encoder.encode(client(1985), new Identity("Aybek", "Toktogulov", LocalDate.of(1985, 3, 14), null));
        var other = encoder.encode(client(1985), new Identity("Нурлан", "Асанов", LocalDate.of(1978, 7, 30), null));
        assertThat(encoder.bits()).isEqualTo(1024);
        assertThat(cyrillic.dice(latin)).isGreaterThanOrEqualTo(LinkageSchema.CLINIC_THRESHOLD);
        assertThat(cyrillic.dice(other)).isLessThan(LinkageSchema.CLINIC_THRESHOLD);
    }

    @Test
    void theDefaultIsTheDefaultConfigurationAndItsThresholdSeparatesPeople() throws Exception {
        ClinicEncoder encoder = encoder("");
        EncodingConfiguration configuration = EncodingConfiguration.DEFAULT;
        var cyrillic = encoder.encode(client(1985), new Identity("Айбек", "Токтогулов", LocalDate.of(1985, 3, 14), null));
        var latin = encoder.encode(client(1985), new Identity("Aybek", "Toktogulov", LocalDate.of(1985, 3, 14), null));
        var other = encoder.encode(client(1985), new Identity("Нурлан", "Асанов", LocalDate.of(1978, 7, 30), null));

        assertThat(encoder.configuration().configuration()).isEqualTo(configuration);
        assertThat(encoder.bits()).isEqualTo(ConfiguredEncoding.of("clinic", configuration).bits());
        assertThat(cyrillic.dice(latin)).isGreaterThanOrEqualTo(configuration.threshold());
        assertThat(cyrillic.dice(other)).isLessThan(configuration.threshold());
    }

    @Test
    void theDeprecatedSaltPropertyStillChoosesPlainOrBirthYearAndMayNotContradictTheEncoding() throws Exception {
        var identity = new Identity("Айбек", "Токтогулов", LocalDate.of(1985, 3, 14), null);

        assertThat(encoder("", "none").configuration().configuration()).isEqualTo(EncodingConfiguration.PLAIN);
        assertThat(encoder("", "birth-year").encode(client(1985), identity))
                .isEqualTo(encoder("birth-year").encode(client(1985), identity));
        assertThat(encoder("birth-year", "birth-year").configuration().configuration())
                .isEqualTo(EncodingConfiguration.BIRTH_YEAR);
        assertThatThrownBy(() -> encoder("diffusion-3x2048", "none")).hasMessageContaining("disagree");
        assertThatThrownBy(() -> encoder("diffusion-9x9")).hasMessageContaining("plain, birth-year");
    }

    @Test
    void theBirthYearSaltKeepsMatchesWithinAYearAndSeparatesYears() throws Exception {
        ClinicEncoder salted = encoder("birth-year");
        var identity = new Identity("Айбек", "Токтогулов", LocalDate.of(1985, 3, 14), null);
        var latin = new Identity("Aibek", "Toktogulov", LocalDate.of(1985, 3, 14), null);
        assertThat(salted.encode(client(1985), identity).dice(salted.encode(client(1985), latin)))
                .isGreaterThanOrEqualTo(LinkageSchema.CLINIC_THRESHOLD);
        assertThat(salted.encode(client(1985), identity).dice(salted.encode(client(1986), identity))).isLessThan(0.5);
        assertThat(salted.encode(client(1985), identity)).isNotEqualTo(encoder("plain").encode(client(1985), identity));
    }

    @Test
    void aHubWithoutTheSecretOrAShortSecretRefusesToStartAndNeverNamesTheSecret() throws Exception {
        assertThatThrownBy(() -> new ClinicEncoder("", "clinic", "", "", HUB)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ishenim.linkage.secret-file");
        assertThat(new ClinicEncoder("", "clinic", "", "", NO_HUB).ready()).isFalse();
        Path shortSecret = dir.resolve("short");
        Files.writeString(shortSecret, "tooshort\n");
        assertThatThrownBy(() -> new ClinicEncoder(shortSecret.toString(), "clinic", "", "", HUB))
                .hasMessageNotContaining("tooshort");
        assertThat(encoder("plain").toString()).doesNotContain(SECRET);
    }

    @Test
    void theDemoGeneratesAMissingSecretOnceAndKeepsIt() throws Exception {
        Path file = dir.resolve("data").resolve("linkage.secret");
        var identity = new Identity("Айбек", "Токтогулов", LocalDate.of(1985, 3, 14), null);
        ClinicEncoder first = new ClinicEncoder(file.toString(), "clinic", "plain", "", true, HUB);
        String secret = Files.readString(file);
        assertThat(secret.strip()).hasSizeGreaterThanOrEqualTo(32);
        ClinicEncoder again = new ClinicEncoder(file.toString(), "clinic", "plain", "", true, HUB);
        assertThat(Files.readString(file)).isEqualTo(secret);
        assertThat(again.encode(client(1985), identity)).isEqualTo(first.encode(client(1985), identity));
        assertThat(java.nio.file.Files.getPosixFilePermissions(file)).containsExactlyInAnyOrder(
                java.nio.file.attribute.PosixFilePermission.OWNER_READ,
                java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
        // without the demo's setting a missing file stops start-up, as before
        Path missing = dir.resolve("missing.secret");
        assertThatThrownBy(() -> new ClinicEncoder(missing.toString(), "clinic", "plain", "", false, HUB))
                .isInstanceOf(java.nio.file.NoSuchFileException.class);
        assertThat(missing).doesNotExist();
    }
}
