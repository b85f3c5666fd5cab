package org.xinlian.ledger.state;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.xinlian.common.Address;
import org.xinlian.evm.state.WorldState;
import org.xinlian.evm.word.UInt256;

/**
 * Random world-state operations decoded from integers, applied in lockstep to a reference state
 * and a state under test. Few addresses, slots and values, so accounts are deleted and re-created
 * with identical content and identical trie nodes reappear.
 */
final class RandomWorkload {
  static final int OPERATION_MAX = 4 * 4 * 5 * 12 - 1;
  private static final int KINDS = 12;
  private static final int ADDRESSES = 5;
  private static final int SLOTS = 4;
  private static final int VALUES = 4;

  private final WorldState reference;
  private final WorldState tested;
  private final Deque<int[]> checkpoints = new ArrayDeque<>();

  RandomWorkload(WorldState reference, WorldState tested) {
    this.reference = reference;
    this.tested = tested;
  }

  static Address address(int index) {
    byte[] bytes = new byte[Address.LENGTH];
    bytes[0] = (byte) 0xa0;
    bytes[Address.LENGTH - 1] = (byte) (index + 1);
    return Address.wrap(bytes);
  }

  void run(List<Integer> operations) {
    for (int operation : operations) {
      apply(operation);
    }
    reference.finishTransaction();
    tested.finishTransaction();
    checkpoints.clear();
  }

  private void apply(int operation) {
    int kind = operation % KINDS;
    Address address = address((operation / KINDS) % ADDRESSES);
    UInt256 slot = UInt256.fromLong((operation / (KINDS * ADDRESSES)) % SLOTS);
    int small = (operation / (KINDS * ADDRESSES * SLOTS)) % VALUES;
    UInt256 value = UInt256.fromLong(small);
    for (WorldState state : List.of(reference, tested)) {
      switch (kind) {
        case 0 -> state.setBalance(address, value);
        case 1 -> state.setNonce(address, small);
        case 2 -> state.setCode(address, small == 0 ? new byte[0] : new byte[] {0x60, (byte) small});
        case 3, 4 -> state.setStorage(address, slot, value);
        case 5 -> state.createAccount(address);
        case 6 -> state.markForDeletion(address);
        case 7 -> state.touch(address);
        case 8 -> state.finishTransaction();
        default -> { }
      }
    }
    if (kind == 8) {
      checkpoints.clear();
    } else if (kind == 9) {
      checkpoints.push(new int[] {reference.checkpoint(), tested.checkpoint()});
    } else if (kind == 10 && !checkpoints.isEmpty()) {
      int[] checkpoint = checkpoints.pop();
      reference.revertTo(checkpoint[0]);
      tested.revertTo(checkpoint[1]);
    } else if (kind == 11) {
      compareReads(address, slot);
    }
  }

  /** Every read the EVM can make agrees between the two states. */
  void compareReads(Address address, UInt256 slot) {
    String where = address + " slot " + slot;
    assertEquals(reference.exists(address), tested.exists(address), "exists " + where);
    assertEquals(reference.isEmpty(address), tested.isEmpty(address), "isEmpty " + where);
    assertEquals(reference.balance(address), tested.balance(address), "balance " + where);
    assertEquals(reference.nonce(address), tested.nonce(address), "nonce " + where);
    assertEquals(reference.codeHash(address), tested.codeHash(address), "codeHash " + where);
    assertArrayEquals(reference.code(address), tested.code(address), "code " + where);
    assertEquals(reference.storage(address, slot), tested.storage(address, slot), "storage " + where);
    assertEquals(reference.originalStorage(address, slot), tested.originalStorage(address, slot),
        "originalStorage " + where);
    assertEquals(reference.hasStorage(address), tested.hasStorage(address), "hasStorage " + where);
  }

  void compareAll() {
    for (int a = 0; a < ADDRESSES; a++) {
      for (int s = 0; s < SLOTS; s++) {
        compareReads(address(a), UInt256.fromLong(s));
      }
    }
  }
}
