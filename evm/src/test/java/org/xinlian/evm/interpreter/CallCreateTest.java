package org.xinlian.evm.interpreter;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.xinlian.common.Address;
import org.xinlian.common.Hex;
import org.xinlian.evm.HaltReason;
import org.xinlian.evm.MessageResult;
import org.xinlian.evm.Outcome;
import org.xinlian.evm.word.UInt256;

/** Message calls, contract creation and SELFDESTRUCT. */
class CallCreateTest {
  private static final Address OTHER = Address.fromHex("0x00000000000000000000000000000000000000ee");

  /** The widely published CREATE addresses of sender 0x6ac7...dbf0 for nonces 0 to 3. */
  @ParameterizedTest
  @CsvSource({
    "0, 0xcd234a471b72ba2f1ccf0a70fcaba648a5eecd8d",
    "1, 0x343c43a37d37dff08ae8c4a11544c718abb4fcf8",
    "2, 0xf778b86fa74e846c4f0a1fbd1335fe81c00a0c91",
    "3, 0xfffd933a0bc612844eaf0c6fe3e5b8e9b6c1d19c",
  })
  void createAddresses(long nonce, String expected) {
    Address sender = Address.fromHex("0x6ac7ea33f8831ea9dcc53393aaa88b25a785dbf0");
    assertEquals(Address.fromHex(expected), ContractAddresses.create(sender, nonce));
  }

  /** The examples of EIP-1014. */
  @ParameterizedTest
  @CsvSource({
    "0x0000000000000000000000000000000000000000, 00, 00, 0x4D1A2e2bB4F88F0250f26Ffff098B0b30B26BF38",
    "0xdeadbeef00000000000000000000000000000000, 00, 00, 0xB928f69Bb1D91Cd65274e3c79d8986362984fDA3",
    "0xdeadbeef00000000000000000000000000000000, 000000000000000000000000feed000000000000000000000000000000000000, 00, 0xD04116cDd17beBE565EB2422F2497E06cC1C9833",
    "0x0000000000000000000000000000000000000000, 00, deadbeef, 0x70f2b2914A2a4b783FaEFb75f459A580616Fcb5e",
    "0x00000000000000000000000000000000deadbeef, 00000000000000000000000000000000000000000000000000000000cafebabe, deadbeef, 0x60f3f640a8508fC6a86d45DF051962668E1e8AC7",
    "0x0000000000000000000000000000000000000000, 00, '', 0xE33C0C7F7df4809055C3ebA6c09CFe4BaF1BD9e0",
  })
  void create2Addresses(String sender, String salt, String initcode, String expected) {
    assertEquals(Address.fromHex(expected), ContractAddresses.create2(
        Address.fromHex(sender), UInt256.fromBytes(Hex.decode(salt)), Hex.decode(initcode == null ? "" : initcode)));
  }

  /** Initcode that returns the single byte {@code code}: MSTORE8(0, code) RETURN(0, 1). */
  private static String initcodeReturning(int code) {
    return String.format("60%02x60005360016000f3", code);
  }

  /** CREATE(value 0, offset 0, length n) of initcode stored with PUSHn/MSTORE; returns the address. */
  private static String createCode(String initcode) {
    int length = initcode.length() / 2;
    String padded = initcode + "00".repeat(32 - length);
    return "7f" + padded + "600052" + String.format("60%02x", length) + "60006000f0"
        + "60005260206000f3";
  }

  @Test
  void createDeploysReturnedCodeAndBumpsTheNonce() {
    EvmHarness evm = new EvmHarness();
    UInt256 created = evm.returnedWord(createCode(initcodeReturning(0x42)));
    Address expected = ContractAddresses.create(EvmHarness.CONTRACT, 1);
    assertEquals(AddressWords.toWord(expected), created);
    assertArrayEquals(new byte[] {0x42}, evm.state.code(expected));
    assertEquals(1, evm.state.nonce(expected), "EIP-161: new contracts start at nonce 1");
    assertEquals(2, evm.state.nonce(EvmHarness.CONTRACT));
  }

  @Test
  void createRejectsCodeStartingWithEf() {
    // EIP-3541: deploying 0xEF fails (CREATE pushes 0), but the creator's nonce still moves.
    EvmHarness evm = new EvmHarness();
    assertEquals(UInt256.ZERO, evm.returnedWord(createCode(initcodeReturning(0xef))));
    assertEquals(2, evm.state.nonce(EvmHarness.CONTRACT));
  }

  @Test
  void createRejectsInitcodeAboveTheEip3860Limit() {
    // CREATE(0, 0, 49153) halts the creating frame.
    MessageResult result = new EvmHarness().call("61c00160006000f0", 10_000_000);
    assertEquals(Outcome.EXCEPTIONAL_HALT, result.outcome());
    assertEquals(HaltReason.INITCODE_TOO_LARGE, result.haltReason().orElseThrow());
    // 49152 bytes are allowed: 32000 + 2 * 1536 words + memory
    MessageResult allowed = new EvmHarness().call("61c00060006000f0", 10_000_000);
    assertEquals(Outcome.SUCCESS, allowed.outcome());
  }

  @Test
  void createRejectsCodeAboveTheEip170Limit() {
    // initcode RETURN(0, 24577) deploys nothing; RETURN(0, 24576) deploys.
    EvmHarness evm = new EvmHarness();
    MessageResult tooLarge = evm.call(createCode("6160016000f3"), 10_000_000);
    assertArrayEquals(new byte[32], tooLarge.output());
    // 24576 bytes deposit at 200 gas per byte (Yellow Paper G_codedeposit)
    MessageResult largest = evm.call(createCode("6160006000f3"), 10_000_000);
    assertFalse(UInt256.fromBytes(largest.output()).isZero());
  }

  @Test
  void callWithValueToANewAccountPaysTransferAndNewAccountGas() {
    // CALL(gas 0, OTHER, value 1, 0, 0, 0, 0): 7 pushes (21) + cold 2600 + value 9000 + new
    // account 25000 (EIP-2929, Yellow Paper G_callvalue and G_newaccount). The callee gets the
    // 2300 stipend on top of the 0 requested; OTHER has no code, so the caller gets it back.
    EvmHarness evm = new EvmHarness();
    evm.state.setBalance(EvmHarness.CONTRACT, UInt256.fromLong(10));
    MessageResult result = evm.call(
        "60006000600060006001" + "73" + OTHER.toHexString().substring(2) + "6000f1" + "00", 100_000);
    assertTrue(result.isSuccess(), () -> "halted " + result.haltReason());
    assertEquals(21 + 2600 + 9000 + 25000 - 2300, 100_000 - result.gasLeft(), "stipend returned unused");
    assertEquals(UInt256.ONE, evm.state.balance(OTHER));
  }

  @Test
  void staticCallForbidsStateChanges() {
    EvmHarness evm = new EvmHarness();
    evm.deploy(OTHER, "6001600055"); // SSTORE(0, 1)
    // STATICCALL(GAS, OTHER, 0, 0, 0, 0) then return its success flag
    String code = "6000600060006000" + "73" + OTHER.toHexString().substring(2) + "5afa" + "60005260206000f3";
    assertEquals(UInt256.ZERO, evm.returnedWord(code));
    assertEquals(UInt256.ZERO, evm.state.storage(OTHER, UInt256.ZERO));
  }

  @Test
  void revertKeepsItsReturnData() {
    EvmHarness evm = new EvmHarness();
    evm.deploy(OTHER, "60aa60005260206000fd"); // REVERT with the word 0xaa
    // CALL(GAS, OTHER, 0, 0, 0, 0, 0); RETURNDATACOPY(0, 0, RETURNDATASIZE); RETURN(0, 32)
    String code = "60006000600060006000" + "73" + OTHER.toHexString().substring(2) + "5af150"
        + "3d600060003e" + "60206000f3";
    assertEquals(UInt256.fromLong(0xaa), evm.returnedWord(code));
  }

  @Test
  void selfDestructOfAnOldContractOnlyMovesTheBalance() {
    // EIP-6780: SELFDESTRUCT(OTHER) of a contract not created in this transaction
    EvmHarness evm = new EvmHarness();
    evm.deploy(EvmHarness.CONTRACT, "73" + OTHER.toHexString().substring(2) + "ff");
    evm.state.setBalance(EvmHarness.CONTRACT, UInt256.fromLong(500));
    evm.state.finishTransaction();
    MessageResult result = evm.call(EvmHarness.CONTRACT, new byte[0], UInt256.ZERO, 100_000);
    assertTrue(result.isSuccess());
    evm.state.finishTransaction();
    assertEquals(UInt256.fromLong(500), evm.state.balance(OTHER));
    assertEquals(UInt256.ZERO, evm.state.balance(EvmHarness.CONTRACT));
    assertTrue(evm.state.exists(EvmHarness.CONTRACT), "the account and its code stay");
    assertEquals(22, evm.state.code(EvmHarness.CONTRACT).length);
  }

  @Test
  void selfDestructInTheCreatingTransactionDeletes() {
    // initcode: SELFDESTRUCT(OTHER) during construction; the new account is gone after the transaction
    EvmHarness evm = new EvmHarness();
    String initcode = "73" + OTHER.toHexString().substring(2) + "ff";
    UInt256 created = evm.returnedWord(createCode(initcode));
    assertFalse(created.isZero());
    Address address = AddressWords.toAddress(created);
    assertTrue(evm.state.exists(address));
    evm.state.finishTransaction();
    assertFalse(evm.state.exists(address));
  }
}
