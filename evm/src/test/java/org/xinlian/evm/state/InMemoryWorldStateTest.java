package org.xinlian.evm.state;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.xinlian.common.Address;
import org.xinlian.common.Hash;
import org.xinlian.crypto.Keccak256;
import org.xinlian.evm.word.UInt256;

/** The journal: reverting to a checkpoint undoes every kind of change made after it. */
class InMemoryWorldStateTest {
  private static final Address A = Address.fromHex("0x00000000000000000000000000000000000000aa");
  private static final Address B = Address.fromHex("0x00000000000000000000000000000000000000bb");

  private static String snapshot(InMemoryWorldState state) {
    StringBuilder out = new StringBuilder();
    for (Address address : state.addresses()) {
      out.append(address).append(state.balance(address)).append(state.nonce(address))
          .append(state.codeHash(address)).append(state.storageOf(address))
          .append(state.isWarm(address)).append(state.createdInTransaction(address));
    }
    return out.append(state.refund()).append(state.markedForDeletion())
        .append(state.transientStorage(A, UInt256.ONE)).toString();
  }

  /** Any sequence of writes after a checkpoint is undone by reverting to it. */
  @Property(tries = 300)
  void revertRestoresTheSnapshot(@ForAll @Size(max = 30) List<@IntRange(min = 0, max = 10) Integer> operations) {
    InMemoryWorldState state = new InMemoryWorldState();
    state.setBalance(A, UInt256.fromLong(5));
    state.setStorage(A, UInt256.ONE, UInt256.fromLong(9));
    state.commitInitialState();
    String before = snapshot(state);
    int checkpoint = state.checkpoint();
    long counter = 1;
    for (int operation : operations) {
      counter++;
      UInt256 value = UInt256.fromLong(counter);
      switch (operation) {
        case 0 -> state.setBalance(B, value);
        case 1 -> state.setNonce(A, counter);
        case 2 -> state.setCode(B, new byte[] {(byte) counter});
        case 3 -> state.setStorage(A, UInt256.ONE, counter % 2 == 0 ? UInt256.ZERO : value);
        case 4 -> state.setTransientStorage(A, UInt256.ONE, value);
        case 5 -> state.createAccount(A);
        case 6 -> state.warmAddress(A);
        case 7 -> state.warmSlot(A, value);
        case 8 -> state.addRefund(counter);
        case 9 -> state.markForDeletion(B);
        default -> state.subtractRefund(1);
      }
    }
    state.revertTo(checkpoint);
    assertEquals(before, snapshot(state));
  }

  @Test
  void originalStorageIsTheValueAtTransactionStart() {
    InMemoryWorldState state = new InMemoryWorldState();
    state.setStorage(A, UInt256.ONE, UInt256.fromLong(7));
    state.commitInitialState();
    state.setStorage(A, UInt256.ONE, UInt256.fromLong(8));
    assertEquals(UInt256.fromLong(7), state.originalStorage(A, UInt256.ONE));
    state.finishTransaction();
    assertEquals(UInt256.fromLong(8), state.originalStorage(A, UInt256.ONE));
  }

  @Test
  void finishingDeletesDestructedAndTouchedEmptyAccounts() {
    // EIP-161: a touched empty account disappears; EIP-6780: marked accounts are deleted.
    InMemoryWorldState state = new InMemoryWorldState();
    state.setBalance(A, UInt256.ZERO);
    state.setBalance(B, UInt256.ONE);
    state.commitInitialState();
    assertTrue(state.exists(A), "empty accounts of the initial state stay until touched");
    state.touch(A);
    state.markForDeletion(B);
    state.finishTransaction();
    assertFalse(state.exists(A));
    assertFalse(state.exists(B));
  }

  @Test
  void codeHashIsKeccakOfTheCodeAndZeroForMissingAccounts() {
    InMemoryWorldState state = new InMemoryWorldState();
    assertEquals(Hash.ZERO, state.codeHash(A));
    state.setCode(A, new byte[] {0x60, 0x00});
    assertArrayEquals(Keccak256.hash(new byte[] {0x60, 0x00}), state.codeHash(A).toArray());
  }
}
