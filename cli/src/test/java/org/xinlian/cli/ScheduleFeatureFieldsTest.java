package org.xinlian.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xinlian.execution.governance.ProposalKind;
import org.xinlian.execution.governance.ProposalPayloads;

/**
 * {@code xinlian gov propose SCHEDULE_FEATURE} (docs/spec/operations.md OPS-81): the payload from
 * {@code --feature} and {@code --activation-height}, and a name this release does not know refused
 * before anything is sent, since it would stop this node at its height (OPS-82); the same through
 * the {@code xinlian feature schedule} shortcut.
 */
class ScheduleFeatureFieldsTest {
  @Test
  void aKnownFeatureIsEncodedAndAnUnknownOneRefused() {
    assertEquals(ProposalKind.SCHEDULE_FEATURE, ProposalFields.kind("schedule-feature", "KIND"));
    byte[] payload = ProposalFields.payload(ProposalKind.SCHEDULE_FEATURE,
        Map.of("feature", "header-feature-digest", "activationHeight", "120"), Function.identity());
    assertArrayEquals(ProposalPayloads.encode(ProposalKind.SCHEDULE_FEATURE, "header-feature-digest",
        BigInteger.valueOf(120)), payload);
    UserException unknown = assertThrows(UserException.class, () -> ProposalFields.payload(
        ProposalKind.SCHEDULE_FEATURE, Map.of("feature", "warp-drive", "activationHeight", "120"),
        Function.identity()));
    assertEquals("--feature: \"warp-drive\" is not a protocol feature this release knows (header-feature-digest)",
        unknown.getMessage());
    UserException missing = assertThrows(UserException.class, () -> ProposalFields.payload(
        ProposalKind.SCHEDULE_FEATURE, Map.of("feature", "header-feature-digest"), Function.identity()));
    assertEquals("--activation-height: required by SCHEDULE_FEATURE", missing.getMessage());
  }

  /** The shortcut refuses the name before it asks any node anything (no node listens here). */
  @Test
  void theShortcutRefusesAnUnknownFeatureOffline(@TempDir Path directory) {
    CliRun.Result refused = new CliRun(directory).withoutTerminal().run("feature", "schedule", "warp-drive",
        "--activation-height", "100", "--dev-account", "0", "--rpc", "http://127.0.0.1:1");
    assertEquals(1, refused.exitCode(), refused.out());
    assertEquals("error: NAME: \"warp-drive\" is not a protocol feature this release knows (header-feature-digest)",
        refused.err().strip());
  }
}
