package dev.marquee.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApiTokenFileTest {
    @TempDir
    Path root;

    @Test
    void firstResolve_generatesAnOwnerOnlyFile_laterResolvesReuseItWithoutGenerating() throws Exception {
        DataDir dir = new DataDir(root);
        ApiTokenFile.Resolved first = ApiTokenFile.resolve(dir, null);
        assertThat(first.generated()).isTrue();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.apiToken()))).isEqualTo("rw-------");
        ApiTokenFile.Resolved again = ApiTokenFile.resolve(dir, "");
        assertThat(again.generated()).isFalse();
        assertThat(again.token().reveal()).isEqualTo(first.token().reveal());
        assertThat(again.token().toString()).doesNotContain(first.token().reveal());
    }

    @Test
    void environmentWins_andAnUnusableValueIsRefusedWithTheReason() {
        DataDir dir = new DataDir(root);
        ApiTokenFile.Resolved env = ApiTokenFile.resolve(dir, "from-the-environment-42");
        assertThat(env.token().matches("from-the-environment-42")).isTrue();
        assertThat(Files.exists(dir.apiToken())).isFalse();
        assertThatThrownBy(() -> ApiTokenFile.resolve(dir, "short")).isInstanceOf(CliException.class)
                .hasMessageContaining("MARQUEE_API_TOKEN").hasMessageContaining("16");
        assertThatThrownBy(() -> ApiTokenFile.resolve(dir, "has a space in it, really")).isInstanceOf(CliException.class);
    }

    @Test
    void tokenFileReadableByOthers_isRefused() throws Exception {
        DataDir dir = new DataDir(root);
        ApiTokenFile.resolve(dir, null);
        Files.setPosixFilePermissions(dir.apiToken(), PosixFilePermissions.fromString("rw-r--r--"));
        assertThatThrownBy(() -> ApiTokenFile.resolve(dir, null)).isInstanceOf(CliException.class)
                .hasMessageContaining("chmod 600");
    }

    @Test
    void matches_isExactAndRejectsNullPrefixesAndExtensions() {
        var token = dev.marquee.server.http.ApiToken.of("0123456789abcdefXYZ");
        assertThat(token.matches("0123456789abcdefXYZ")).isTrue();
        assertThat(token.matches(null)).isFalse();
        assertThat(token.matches("0123456789abcdefXY")).isFalse();
        assertThat(token.matches("0123456789abcdefXYZ ")).isFalse();
        assertThat(token.matches("")).isFalse();
    }
}
