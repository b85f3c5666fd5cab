package org.xinlian.evm.interpreter;

/** Opcode byte values the interpreter refers to by name (Yellow Paper appendix H). */
final class Opcodes {
  private Opcodes() {}

  static final int STOP = 0x00;
  static final int JUMPDEST = 0x5b;
  static final int PUSH0 = 0x5f;
  static final int PUSH1 = 0x60;
  static final int PUSH32 = 0x7f;
  static final int DUP1 = 0x80;
  static final int DUP16 = 0x8f;
  static final int SWAP1 = 0x90;
  static final int SWAP16 = 0x9f;
  static final int LOG0 = 0xa0;
  static final int LOG4 = 0xa4;
}
