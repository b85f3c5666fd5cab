package org.xinlian.evm.interpreter;

import java.util.BitSet;

/** Valid JUMP targets: JUMPDEST bytes that are opcodes, not PUSH immediates (Yellow Paper 9.4.3). */
final class JumpDestinations {
  private JumpDestinations() {}

  static BitSet analyze(byte[] code) {
    BitSet destinations = new BitSet(code.length);
    int pc = 0;
    while (pc < code.length) {
      int opcode = code[pc] & 0xFF;
      if (opcode == Opcodes.JUMPDEST) {
        destinations.set(pc);
      }
      if (opcode >= Opcodes.PUSH1 && opcode <= Opcodes.PUSH32) {
        pc += opcode - Opcodes.PUSH1 + 1;
      }
      pc++;
    }
    return destinations;
  }
}
