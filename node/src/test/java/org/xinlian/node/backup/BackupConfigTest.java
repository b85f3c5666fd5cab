package org.xinlian.node.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.xinlian.common.DecodingException;
import org.xinlian.node.NodeConfig;

/**
 * The node configuration's {@code backup} section (docs/spec/operations.md OPS-77): absent means
 * backups disabled; a relative directory resolves against the configuration file's directory;
 * unknown and out-of-range fields are refused, naming the field.
 */
class BackupConfigTest {
  private static final Path BASE = Path.of("/etc/xinlian/node1");

  private static NodeConfig parse(String backup) {
    String json = "{\"dataDirectory\": \"data\", \"genesisFile\": \"g.json\"" + backup + "}";
    return NodeConfig.parse(json.getBytes(StandardCharsets.UTF_8), BASE);
  }

  @Test
  void absentMeansDisabledAndRelativeDirectoriesResolveAgainstTheConfiguration() {
    assertEquals(BackupConfig.disabled(), parse("").backup());
    assertEquals(Optional.empty(), parse("").backup().directory());
    BackupConfig config = parse(", \"backup\": {\"directory\": \"../backups\", \"backupsMax\": 3, \"intervalMsMin\": 0,"
        + " \"freeBytesMin\": 0}").backup();
    assertEquals(Optional.of(Path.of("/etc/xinlian/backups")), config.directory());
    assertEquals(3, config.backupsMax());
    assertEquals(0, config.intervalMsMin());
    assertEquals(0, config.freeBytesMin());
    assertEquals(BackupConfig.INTERVAL_MS_MIN_DEFAULT,
        parse(", \"backup\": {\"directory\": \"/srv/b\"}").backup().intervalMsMin());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "{\"dir\": \"x\"}|backup.dir",
    "{\"directory\": \"\"}|backup.directory",
    "{\"directory\": 5}|backup.directory",
    "{\"backupsMax\": 0}|backup.backupsMax",
    "{\"backupsMax\": 1001}|backup.backupsMax",
    "{\"intervalMsMin\": -1}|backup.intervalMsMin",
    "{\"intervalMsMin\": 1.5}|backup.intervalMsMin",
    "{\"freeBytesMin\": -1}|backup.freeBytesMin",
    "{\"freeBytesMin\": 1125899906842625}|backup.freeBytesMin",
    "[]|backup",
  })
  void mistakesNameTheField(String backup, String field) {
    DecodingException error = assertThrows(DecodingException.class, () -> parse(", \"backup\": " + backup));
    assertEquals(field, error.field(), error.getMessage());
  }
}
