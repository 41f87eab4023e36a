package org.ishenim.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HmacKeyTest {

    @TempDir
    Path dir;

    @Test
    void aGeneratedKeyIsCreatedOwnerOnlyAndReadBackTheSame() throws Exception {
        Path file = dir.resolve("sub/name.key");
        byte[] first = HmacKey.configuredOrFile("", file, "x.key").mac("Айнура");
        byte[] again = HmacKey.configuredOrFile(null, file, "x.key").mac("Айнура");

        assertThat(again).isEqualTo(first);
        assertThat(Files.getPosixFilePermissions(file))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        assertThat(HmacKey.configuredOrFile("", dir.resolve("other.key"), "x.key").mac("Айнура")).isNotEqualTo(first);
    }

    @Test
    void aConfiguredKeyWinsAndMustBeLongEnough() {
        String key = Base64.getEncoder().encodeToString(new byte[32]);
        assertThat(HmacKey.configuredOrFile(key, dir.resolve("unused.key"), "x.key").mac("a")).hasSize(32);
        assertThat(Files.exists(dir.resolve("unused.key"))).isFalse();
        assertThatThrownBy(() -> HmacKey.configuredOrFile(Base64.getEncoder().encodeToString(new byte[16]),
                dir.resolve("unused.key"), "ishenim.audit.name-key"))
                .hasMessage("ishenim.audit.name-key must hold at least 32 bytes");
    }
}
