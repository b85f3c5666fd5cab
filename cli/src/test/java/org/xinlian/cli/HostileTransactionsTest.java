package org.xinlian.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.xinlian.common.Address;
import org.xinlian.evm.precompile.Precompiles;

/** The attack transactions of the adversarial suite do what they claim. */
class HostileTransactionsTest {
  @Test
  void thePairingLoopFeedsThePrecompileAProductThatIsOne() {
    byte[] initCode = HostileTransactions.pairingLoopInitCode();
    byte[] pairs = Arrays.copyOfRange(initCode, 28, initCode.length);
    Precompiles.Result result = Precompiles.cancun()
        .run(Address.fromHex("0x0000000000000000000000000000000000000008"), pairs, 1_000_000)
        .orElseThrow(() -> new AssertionError("the pairing refused the points"));
    byte[] one = new byte[32];
    one[31] = 1;
    assertArrayEquals(one, result.output());
    assertEquals(45_000 + 2 * 34_000, result.gasUsed());
  }
}
