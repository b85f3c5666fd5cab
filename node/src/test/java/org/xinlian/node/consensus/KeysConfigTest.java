package org.xinlian.node.consensus;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xinlian.common.DecodingException;
import org.xinlian.node.NodeConfig;

/** The passphrase sources and bounds of the {@code keys} section (OPS-31, OPS-37). */
class KeysConfigTest {
  @TempDir Path directory;

  private static KeysConfig fromEnv(String name) {
    return new KeysConfig(Optional.empty(), Optional.of(name), Optional.empty(), Optional.empty(),
        Optional.empty(), KeysConfig.CRL_RELOAD_INTERVAL_MS_DEFAULT);
  }

  @Test
  void thePassphraseComesFromTheNamedVariableOrFileAndAMissingOneIsNamed() throws Exception {
    // PATH is set in every test JVM; what matters is that the value is the variable's.
    assertArrayEquals(System.getenv("PATH").toCharArray(),
        fromEnv("PATH").passphrase("nodeKeyFile", directory));
    IllegalArgumentException unset = assertThrows(IllegalArgumentException.class,
        () -> fromEnv("XINLIAN_KEYS_TEST_UNSET_VARIABLE").passphrase("nodeKeyFile", directory));
    assertEquals("keys.passphraseEnv: environment variable XINLIAN_KEYS_TEST_UNSET_VARIABLE is"
        + " not set or empty", unset.getMessage());

    Path file = Files.writeString(directory.resolve("pass"), " spaced \r\nsecond line\n");
    KeysConfig fromFile = new KeysConfig(Optional.of(file), Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty(), KeysConfig.CRL_RELOAD_INTERVAL_MS_DEFAULT);
    assertArrayEquals(" spaced ".toCharArray(), fromFile.passphrase("nodeKeyFile", directory));

    IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
        () -> KeysConfig.none().passphrase("nodeKeyFile", file));
    assertEquals("nodeKeyFile: " + file + " is encrypted; set keys.passphraseFile or "
        + "keys.passphraseEnv, or start with --ask-passphrase", none.getMessage());
  }

  @Test
  void twoSourcesABadVariableNameAndOutOfRangeFieldsAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> new KeysConfig(
        Optional.of(directory.resolve("pass")), Optional.of("PASS"), Optional.empty(),
        Optional.empty(), Optional.empty(), KeysConfig.CRL_RELOAD_INTERVAL_MS_DEFAULT));
    IllegalArgumentException name = assertThrows(IllegalArgumentException.class,
        () -> fromEnv("NOT-A-NAME"));
    assertEquals("keys.passphraseEnv: 'NOT-A-NAME' is not an environment variable name",
        name.getMessage());
    DecodingException interval = assertThrows(DecodingException.class, () -> NodeConfig.parse(
        ("{\"dataDirectory\":\"d\",\"genesisFile\":\"g\",\"keys\":{\"crlReloadIntervalMs\":5}}")
            .getBytes(StandardCharsets.UTF_8), directory));
    assertEquals("keys.crlReloadIntervalMs", interval.field());
    DecodingException pin = assertThrows(DecodingException.class, () -> NodeConfig.parse(
        ("{\"dataDirectory\":\"d\",\"genesisFile\":\"g\",\"keys\":{\"pkcs11\":{\"configFile\":"
            + "\"p.cfg\",\"alias\":\"n\"}}}").getBytes(StandardCharsets.UTF_8), directory));
    assertEquals("keys.pkcs11", pin.field());
  }
}
