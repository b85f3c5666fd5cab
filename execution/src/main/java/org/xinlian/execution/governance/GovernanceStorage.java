package org.xinlian.execution.governance;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.xinlian.common.Address;
import org.xinlian.crypto.CryptoSuite;
import org.xinlian.evm.state.WorldState;
import org.xinlian.evm.word.UInt256;

/**
 * The governance contract's storage at {@link Governance#ADDRESS} (docs/adr/0013 §1): every slot
 * is the suite hash of a one-byte tag and the parts of its key, so tables of any key size share
 * one address without collisions, and a byte string keeps its length in its slot and its 32-byte
 * chunks in the slots of (key, chunk index). Reads and writes are metered when a {@link Meter} is
 * given (GOV-20).
 */
final class GovernanceStorage {
  static final long READ_GAS = 2_100;
  static final long WRITE_NEW_GAS = 20_000;
  static final long WRITE_CHANGE_GAS = 2_900;

  private final CryptoSuite suite;
  private final WorldState state;
  private final Meter meter;

  GovernanceStorage(CryptoSuite suite, WorldState state, Meter meter) {
    this.suite = suite;
    this.state = state;
    this.meter = meter;
  }

  /** Unmetered, for readers outside the EVM (the pool, JSON-RPC). */
  static GovernanceStorage reading(CryptoSuite suite, WorldState state) {
    return new GovernanceStorage(suite, state, Meter.UNLIMITED);
  }

  Meter meter() {
    return meter;
  }

  /** The slot of {@code tag} and key parts (addresses, longs, byte arrays, strings). */
  UInt256 slot(int tag, Object... parts) {
    ByteArrayOutputStream key = new ByteArrayOutputStream(64);
    key.write(tag);
    for (Object part : parts) {
      byte[] bytes;
      if (part instanceof Address address) {
        bytes = address.toArray();
      } else if (part instanceof Long number) {
        bytes = UInt256.fromLong(number).toBytes();
      } else if (part instanceof Integer number) {
        bytes = UInt256.fromLong(number).toBytes();
      } else if (part instanceof String text) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        key.write(utf8.length);
        bytes = utf8;
      } else if (part instanceof UInt256 word) {
        bytes = word.toBytes();
      } else {
        throw new IllegalArgumentException("governance storage: key part " + part);
      }
      key.writeBytes(bytes);
    }
    return UInt256.fromBytes(suite.hash(key.toByteArray()));
  }

  UInt256 read(UInt256 slot) {
    meter.charge(READ_GAS);
    return state.storage(Governance.ADDRESS, slot);
  }

  /**
   * Writes one word. The price depends only on what the slot holds, not on what is written: a
   * write to an empty slot costs {@link #WRITE_NEW_GAS} even when it writes zero, so a call priced
   * on the head (where, at height 0, a height field may be written as zero) costs no less than the
   * same call in the next block, and {@code eth_estimateGas} stays an upper bound.
   */
  void write(UInt256 slot, UInt256 value) {
    UInt256 old = state.storage(Governance.ADDRESS, slot);
    if (old.isZero()) {
      meter.charge(WRITE_NEW_GAS);
    } else {
      meter.charge(old.equals(value) ? READ_GAS : WRITE_CHANGE_GAS);
    }
    if (!old.equals(value)) {
      state.setStorage(Governance.ADDRESS, slot, value);
    }
  }

  long readLong(UInt256 slot) {
    return read(slot).clampedLong();
  }

  void writeLong(UInt256 slot, long value) {
    write(slot, UInt256.fromLong(value));
  }

  Address readAddress(UInt256 slot) {
    byte[] word = read(slot).toBytes();
    byte[] address = new byte[Address.LENGTH];
    System.arraycopy(word, UInt256.BYTES - Address.LENGTH, address, 0, Address.LENGTH);
    return Address.wrap(address);
  }

  void writeAddress(UInt256 slot, Address address) {
    write(slot, UInt256.fromBytes(address.toArray()));
  }

  byte[] readBytes(int tag, Object... key) {
    long length = readLong(slot(tag, key));
    byte[] bytes = new byte[(int) Math.min(length, Governance.STORED_BYTES_MAX)];
    for (int chunk = 0; chunk * UInt256.BYTES < bytes.length; chunk++) {
      byte[] word = read(slot(tag, append(key, (long) chunk + 1))).toBytes();
      int offset = chunk * UInt256.BYTES;
      System.arraycopy(word, 0, bytes, offset, Math.min(UInt256.BYTES, bytes.length - offset));
    }
    return bytes;
  }

  /** Writes {@code bytes} and clears the chunks of a longer old value. */
  void writeBytes(byte[] bytes, int tag, Object... key) {
    UInt256 lengthSlot = slot(tag, key);
    long oldLength = state.storage(Governance.ADDRESS, lengthSlot).clampedLong();
    writeLong(lengthSlot, bytes.length);
    long chunks = Math.max((bytes.length + 31) / 32, (oldLength + 31) / 32);
    for (int chunk = 0; chunk < chunks; chunk++) {
      byte[] word = new byte[UInt256.BYTES];
      int offset = chunk * UInt256.BYTES;
      if (offset < bytes.length) {
        System.arraycopy(bytes, offset, word, 0, Math.min(UInt256.BYTES, bytes.length - offset));
      }
      write(slot(tag, append(key, (long) chunk + 1)), UInt256.fromBytes(word));
    }
  }

  String readString(int tag, Object... key) {
    return new String(readBytes(tag, key), StandardCharsets.UTF_8);
  }

  void writeString(String text, int tag, Object... key) {
    writeBytes(text.getBytes(StandardCharsets.UTF_8), tag, key);
  }

  private static Object[] append(Object[] key, Object last) {
    Object[] extended = new Object[key.length + 1];
    System.arraycopy(key, 0, extended, 0, key.length);
    extended[key.length] = last;
    return extended;
  }

  /** Gas left to a call; exhausting it throws {@link OutOfGas}. */
  static final class Meter {
    static final Meter UNLIMITED = new Meter(Long.MAX_VALUE);

    private final long limit;
    private long used;

    Meter(long limit) {
      this.limit = limit;
    }

    void charge(long gas) {
      if (limit == Long.MAX_VALUE) {
        return;
      }
      if (gas > limit - used) {
        used = limit;
        throw new OutOfGas();
      }
      used += gas;
    }

    long used() {
      return used;
    }
  }

  /** The call's gas does not cover its storage work. */
  static final class OutOfGas extends RuntimeException {
    private static final long serialVersionUID = 1L;

    OutOfGas() {
      super("out of gas", null, false, false);
    }
  }
}
