package org.xinlian.sdk.abi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.xinlian.common.Address;
import org.xinlian.common.DecodingException;
import org.xinlian.common.Hex;

class AbiTest {
  /**
   * SDK-6: selectors as published in EIP-20 implementations and the Solidity documentation:
   * transfer(address,uint256) = 0xa9059cbb, balanceOf(address) = 0x70a08231, Error(string) =
   * 0x08c379a0 (Solidity docs, "Panic via assert and Error via require").
   */
  @Test
  void selectorsMatchPublishedValues() {
    assertEquals("0xa9059cbb", Hex.encode(Abi.selector("transfer(address,uint256)")));
    assertEquals("0x70a08231", Hex.encode(Abi.selector("balanceOf(address)")));
    assertEquals("0x08c379a0", Hex.encode(Abi.selector("Error(string)")));
  }

  /** SDK-6: the encoding of transfer(0x…01, 1) written out by hand from the ABI specification. */
  @Test
  void callEncodesStaticWords() {
    Address to = Address.fromHex("0x0000000000000000000000000000000000000001");
    byte[] data = Abi.call("transfer(address,uint256)", Abi.address(to), Abi.uint256(BigInteger.ONE));
    assertEquals("0xa9059cbb" + "0".repeat(63) + "1" + "0".repeat(63) + "1", Hex.encode(data));
    assertEquals(to, Abi.decodeAddress(java.util.Arrays.copyOfRange(data, 4, data.length), 0));
    assertEquals(BigInteger.ONE, Abi.decodeUint256(java.util.Arrays.copyOfRange(data, 4, data.length), 1));
    BigInteger max = BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE);
    assertArrayEquals(Hex.decode("0x" + "f".repeat(64)), Abi.uint256(max));
    assertThrows(IllegalArgumentException.class, () -> Abi.uint256(max.add(BigInteger.ONE)));
    assertThrows(IllegalArgumentException.class, () -> Abi.uint256(BigInteger.ONE.negate()));
  }

  @Test
  void shortOrDirtyResultsAreRefusedNamingTheField() {
    DecodingException shortData = assertThrows(DecodingException.class, () -> Abi.decodeUint256(new byte[31], 0));
    assertEquals("abi.uint256", shortData.field());
    byte[] dirty = new byte[32];
    dirty[0] = 1;
    assertEquals("abi.address", assertThrows(DecodingException.class, () -> Abi.decodeAddress(dirty, 0)).field());
  }

  /**
   * SDK-6: the revert data of require(false, "Not enough Ether provided.") as printed in the
   * Solidity documentation (section "revert"), decoded to its message; other data has no reason.
   */
  @Test
  void errorStringRevertDecodes() {
    byte[] data = Hex.decode("0x08c379a0"
        + "0000000000000000000000000000000000000000000000000000000000000020"
        + "000000000000000000000000000000000000000000000000000000000000001a"
        + "4e6f7420656e6f7567682045746865722070726f76696465642e000000000000");
    assertEquals(Optional.of("Not enough Ether provided."), Abi.revertReason(data));
    assertTrue(Abi.revertReason(new byte[0]).isEmpty());
    byte[] truncated = java.util.Arrays.copyOf(data, data.length - 20);
    assertTrue(Abi.revertReason(truncated).isEmpty());
    byte[] hugeOffset = data.clone();
    hugeOffset[4] = 0x7f;
    assertTrue(Abi.revertReason(hugeOffset).isEmpty());
  }
}
