package org.xinlian.rpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RpcParamsTest {
  private static RpcParams params(String json) throws Exception {
    return RpcParams.of(new ObjectMapper().readTree(json));
  }

  private static void refused(String json, String message, java.util.function.Consumer<RpcParams> use) throws Exception {
    RpcParams p = params(json);
    RpcException e = assertThrows(RpcException.class, () -> use.accept(p));
    assertEquals(RpcErrorCodes.INVALID_PARAMS, e.code());
    assertEquals(message, e.getMessage());
  }

  @Test
  @DisplayName("RPC-4 QUANTITY: 0x hex without leading zeros, at most 256 bits")
  void quantity() throws Exception {
    // Valid and invalid examples from the Ethereum execution API specification (hex encoding section).
    assertEquals(BigInteger.valueOf(0x41), params("[\"0x41\"]").quantity(0, "value"));
    assertEquals(BigInteger.valueOf(1024), params("[\"0x400\"]").quantity(0, "value"));
    assertEquals(BigInteger.ZERO, params("[\"0x0\"]").quantity(0, "value"));
    refused("[\"0x\"]", "invalid argument 0 (value): QUANTITY \"0x\" has no digits (zero is \"0x0\")", p -> p.quantity(0, "value"));
    refused("[\"0x0400\"]", "invalid argument 0 (value): QUANTITY \"0x0400\" has leading zero digits", p -> p.quantity(0, "value"));
    refused("[\"ff\"]", "invalid argument 0 (value): expected a QUANTITY (0x-prefixed hex number), missing 0x prefix in \"ff\"", p -> p.quantity(0, "value"));
    refused("[12]", "invalid argument 0 (value): expected a QUANTITY (0x-prefixed hex number), got a JSON number", p -> p.quantity(0, "value"));
    refused("[\"0x1g\"]", "invalid argument 0 (value): invalid hex character 'g' at position 3", p -> p.quantity(0, "value"));
    refused("[\"0x1" + "0".repeat(64) + "\"]",
        "invalid argument 0 (value): QUANTITY has 65 hex digits, more than 256 bits (QUANTITY_HEX_DIGITS_MAX=64)", p -> p.quantity(0, "value"));
    refused("[\"0x8000000000000000\"]", "invalid argument 0 (block): QUANTITY 0x8000000000000000 exceeds 2^63-1", p -> p.quantityLong(0, "block"));
    refused("[]", "invalid argument 0 (value): missing value", p -> p.quantity(0, "value"));
  }

  @Test
  @DisplayName("RPC-4 DATA, address and hash: 0x hex of even length and exact size")
  void dataAddressHash() throws Exception {
    assertEquals(2, params("[\"0x0041\"]").data(0, "data").length);
    assertEquals(0, params("[\"0x\"]").data(0, "data").length);
    refused("[\"0xf0f0f\"]", "invalid argument 0 (data): DATA has an odd number of hex digits (5)", p -> p.data(0, "data"));
    assertEquals("0x" + "ab".repeat(20), params("[\"0x" + "AB".repeat(20) + "\"]").address(0, "address").toString().toLowerCase(java.util.Locale.ROOT));
    refused("[\"0x1234\"]", "invalid argument 0 (address): address must be 20 bytes (40 hex digits), got 4 hex digits", p -> p.address(0, "address"));
    refused("[\"0x" + "00".repeat(31) + "\"]", "invalid argument 0 (blockHash): hash must be 32 bytes (64 hex digits), got 62 hex digits", p -> p.hash(0, "blockHash"));
  }

  @Test
  @DisplayName("RPC-4 block tags: latest, pending, safe, finalized, earliest or a number")
  void blockTags() throws Exception {
    assertEquals(BlockTag.LATEST, params("[\"latest\"]").blockTag(0, "block"));
    assertEquals(BlockTag.PENDING, params("[\"pending\"]").blockTag(0, "block"));
    assertEquals(BlockTag.SAFE, params("[\"safe\"]").blockTag(0, "block"));
    assertEquals(BlockTag.FINALIZED, params("[\"finalized\"]").blockTag(0, "block"));
    assertEquals(BlockTag.EARLIEST, params("[\"earliest\"]").blockTag(0, "block"));
    assertEquals(BlockTag.number(16), params("[\"0x10\"]").blockTag(0, "block"));
    assertEquals(BlockTag.LATEST, params("[]").blockTagOr(0, "block", BlockTag.LATEST));
    refused("[\"Latest\"]", "invalid argument 0 (block): expected a block number (0x-prefixed QUANTITY) or one of latest, pending, safe, finalized, earliest, got \"Latest\"", p -> p.blockTag(0, "block"));
    refused("[1]", "invalid argument 0 (block): expected a block number or tag, got a JSON number", p -> p.blockTag(0, "block"));
  }

  @Test
  @DisplayName("RPC-11 Panic(uint256) decodes to the Solidity-documented reason; malformed revert data has no reason")
  void panicAndMalformedRevert() {
    // Panic(0x11) = selector 0x4e487b71 + uint256 17 (Solidity docs: arithmetic overflow/underflow).
    byte[] panic = org.xinlian.common.Hex.decode("0x4e487b71" + "00".repeat(31) + "11");
    assertEquals("execution reverted: arithmetic underflow or overflow", RpcException.executionReverted(panic).getMessage());
    byte[] truncated = org.xinlian.common.Hex.decode("0x08c379a0" + "00".repeat(31) + "20" + "00".repeat(31) + "ff");
    assertEquals("execution reverted", RpcException.executionReverted(truncated).getMessage());
    byte[] hugeOffset = org.xinlian.common.Hex.decode("0x08c379a0" + "ff".repeat(32));
    assertEquals("execution reverted", RpcException.executionReverted(hugeOffset).getMessage());
  }
}
