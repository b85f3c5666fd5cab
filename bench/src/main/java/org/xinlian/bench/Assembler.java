package org.xinlian.bench;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A tiny EVM assembler for the worst-case contracts: opcodes, minimal pushes and labels (a label
 * is a JUMPDEST; a jump to it pushes its offset with PUSH2, patched when the code is built).
 */
final class Assembler {
  static final int STOP = 0x00;
  static final int ADD = 0x01;
  static final int MUL = 0x02;
  static final int SUB = 0x03;
  static final int DIV = 0x04;
  static final int SDIV = 0x05;
  static final int MOD = 0x06;
  static final int SMOD = 0x07;
  static final int ADDMOD = 0x08;
  static final int MULMOD = 0x09;
  static final int EXP = 0x0a;
  static final int SIGNEXTEND = 0x0b;
  static final int LT = 0x10;
  static final int GT = 0x11;
  static final int EQ = 0x14;
  static final int ISZERO = 0x15;
  static final int AND = 0x16;
  static final int NOT = 0x19;
  static final int BYTE = 0x1a;
  static final int SHL = 0x1b;
  static final int SHR = 0x1c;
  static final int SAR = 0x1d;
  static final int KECCAK256 = 0x20;
  static final int ADDRESS = 0x30;
  static final int BALANCE = 0x31;
  static final int ORIGIN = 0x32;
  static final int CALLER = 0x33;
  static final int CALLVALUE = 0x34;
  static final int CALLDATALOAD = 0x35;
  static final int CALLDATASIZE = 0x36;
  static final int CALLDATACOPY = 0x37;
  static final int CODESIZE = 0x38;
  static final int CODECOPY = 0x39;
  static final int GASPRICE = 0x3a;
  static final int EXTCODESIZE = 0x3b;
  static final int EXTCODECOPY = 0x3c;
  static final int RETURNDATASIZE = 0x3d;
  static final int RETURNDATACOPY = 0x3e;
  static final int EXTCODEHASH = 0x3f;
  static final int BLOCKHASH = 0x40;
  static final int COINBASE = 0x41;
  static final int TIMESTAMP = 0x42;
  static final int NUMBER = 0x43;
  static final int PREVRANDAO = 0x44;
  static final int GASLIMIT = 0x45;
  static final int CHAINID = 0x46;
  static final int SELFBALANCE = 0x47;
  static final int BASEFEE = 0x48;
  static final int BLOBHASH = 0x49;
  static final int BLOBBASEFEE = 0x4a;
  static final int POP = 0x50;
  static final int MLOAD = 0x51;
  static final int MSTORE = 0x52;
  static final int MSTORE8 = 0x53;
  static final int SLOAD = 0x54;
  static final int SSTORE = 0x55;
  static final int JUMP = 0x56;
  static final int JUMPI = 0x57;
  static final int PC = 0x58;
  static final int MSIZE = 0x59;
  static final int GAS = 0x5a;
  static final int JUMPDEST = 0x5b;
  static final int TLOAD = 0x5c;
  static final int TSTORE = 0x5d;
  static final int MCOPY = 0x5e;
  static final int PUSH0 = 0x5f;
  static final int PUSH1 = 0x60;
  static final int PUSH2 = 0x61;
  static final int PUSH32 = 0x7f;
  static final int DUP1 = 0x80;
  static final int SWAP1 = 0x90;
  static final int LOG0 = 0xa0;
  static final int CREATE = 0xf0;
  static final int CALL = 0xf1;
  static final int RETURN = 0xf3;
  static final int CREATE2 = 0xf5;
  static final int STATICCALL = 0xfa;
  static final int INVALID = 0xfe;

  private final ByteArrayOutputStream code = new ByteArrayOutputStream();
  private final Map<String, Integer> labels = new HashMap<>();
  private final List<Map.Entry<Integer, String>> jumps = new ArrayList<>();

  Assembler op(int... opcodes) {
    for (int opcode : opcodes) {
      code.write(opcode);
    }
    return this;
  }

  /** {@code opcodes} written {@code times} times in a row. */
  Assembler repeat(int times, int... opcodes) {
    for (int i = 0; i < times; i++) {
      op(opcodes);
    }
    return this;
  }

  /** DUPn, 1-based as in the mnemonic. */
  Assembler dup(int n) {
    return op(DUP1 + n - 1);
  }

  Assembler swap(int n) {
    return op(SWAP1 + n - 1);
  }

  /** The shortest push of a non-negative value (PUSH0 for zero). */
  Assembler push(long value) {
    return push(BigInteger.valueOf(value));
  }

  Assembler push(BigInteger value) {
    if (value.signum() < 0 || value.bitLength() > 256) {
      throw new IllegalArgumentException("push: " + value + " is not a 256-bit word");
    }
    if (value.signum() == 0) {
      return op(PUSH0);
    }
    byte[] bytes = value.toByteArray();
    int skip = bytes[0] == 0 ? 1 : 0;
    int length = bytes.length - skip;
    code.write(PUSH1 + length - 1);
    code.write(bytes, skip, length);
    return this;
  }

  /** PUSH32 of exactly these 32 bytes. */
  Assembler push32(byte[] word) {
    if (word.length != 32) {
      throw new IllegalArgumentException("push32: expected 32 bytes, got " + word.length);
    }
    code.write(PUSH32);
    code.write(word, 0, 32);
    return this;
  }

  /** A JUMPDEST named {@code name}. */
  Assembler label(String name) {
    if (labels.putIfAbsent(name, code.size()) != null) {
      throw new IllegalArgumentException("label " + name + " defined twice");
    }
    return op(JUMPDEST);
  }

  /** PUSH2 of the label's offset (resolved at build). */
  Assembler pushLabel(String name) {
    jumps.add(Map.entry(code.size() + 1, name));
    return op(PUSH2, 0, 0);
  }

  Assembler jump(String name) {
    return pushLabel(name).op(JUMP);
  }

  Assembler jumpIf(String name) {
    return pushLabel(name).op(JUMPI);
  }

  int size() {
    return code.size();
  }

  byte[] build() {
    byte[] bytes = code.toByteArray();
    for (Map.Entry<Integer, String> jump : jumps) {
      Integer target = labels.get(jump.getValue());
      if (target == null) {
        throw new IllegalStateException("jump to undefined label " + jump.getValue());
      }
      bytes[jump.getKey()] = (byte) (target >>> 8);
      bytes[jump.getKey() + 1] = (byte) (int) target;
    }
    return bytes;
  }
}
