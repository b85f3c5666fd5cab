package org.xinlian.rpc.governance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xinlian.execution.governance.Choice;
import org.xinlian.execution.governance.ProposalKind;

/**
 * {@code xinlian_getProtocolFeatures} (docs/spec/operations.md OPS-81): the schedule a
 * SCHEDULE_FEATURE proposal wrote, whether each entry is in force at the next height and whether
 * this release implements it; an older block reads the schedule as it stood then.
 */
class ProtocolFeaturesRpcTest {
  @TempDir Path directory;

  @Test
  void showsTheScheduleAndWhatThisReleaseKnows() throws Exception {
    try (GovernanceTestChain chain = new GovernanceTestChain(directory, "standard", true)) {
      assertEquals("[]", chain.call("xinlian_getProtocolFeatures", "[]").get("features").toString());
      long activation = chain.head().number() + 40;
      GovernanceRpcTest.succeeded(chain.governance(0, GovernanceRpcTest.propose(ProposalKind.SCHEDULE_FEATURE,
          "warp-drive", BigInteger.valueOf(activation))));
      // A critical kind: more than two thirds of the weight, so all three governors of weight 1.
      GovernanceRpcTest.succeeded(chain.governance(0, GovernanceRpcTest.vote(1, Choice.FOR)));
      GovernanceRpcTest.succeeded(chain.governance(1, GovernanceRpcTest.vote(1, Choice.FOR)));
      long before = chain.head().number();
      GovernanceRpcTest.succeeded(chain.governance(2, GovernanceRpcTest.vote(1, Choice.FOR)));
      assertEquals("[{\"name\":\"warp-drive\",\"activationHeight\":\"" + GovernanceRpcTest.hex(activation)
          + "\",\"active\":false,\"known\":false}]",
          chain.call("xinlian_getProtocolFeatures", "[]").get("features").toString());
      assertEquals("[]", chain.call("xinlian_getProtocolFeatures", "[\"" + GovernanceRpcTest.hex(before) + "\"]")
          .get("features").toString());
      assertEquals(GovernanceRpcTest.hex(chain.head().number() + 1),
          chain.call("xinlian_getProtocolFeatures", "[]").get("height").asText());
      assertEquals(-32602, chain.error("xinlian_getProtocolFeatures", "[\"soon\"]").get("code").asInt());
    }
  }
}
