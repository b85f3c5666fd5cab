package org.xinlian.consensus;

import java.util.ArrayList;
import java.util.List;
import org.xinlian.common.Address;
import org.xinlian.common.Hash;
import org.xinlian.crypto.CryptoSuite;
import org.xinlian.crypto.KeyPair;
import org.xinlian.types.block.Block;
import org.xinlian.types.block.BlockHeader;
import org.xinlian.types.block.LogsBloom;

/** Keys and blocks for the consensus API tests. */
public final class Fixtures {
  private Fixtures() {}

  /** Key {@code index} (from 1): the private scalar is the index itself, valid on both curves. */
  public static KeyPair key(CryptoSuite suite, int index) {
    byte[] scalar = new byte[32];
    scalar[30] = (byte) (index >> 8);
    scalar[31] = (byte) index;
    return suite.keyPairFromPrivateKey(scalar);
  }

  public static List<KeyPair> keys(CryptoSuite suite, int count) {
    List<KeyPair> keys = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      keys.add(key(suite, i));
    }
    return keys;
  }

  public static ValidatorSet equalPower(CryptoSuite suite, List<KeyPair> keys) {
    List<Address> addresses = new ArrayList<>();
    for (KeyPair key : keys) {
      addresses.add(suite.address(key.publicKey()));
    }
    return ValidatorSet.equalPower(addresses);
  }

  /** A small block at {@code height}; {@code variant} goes into the extra data to tell blocks apart. */
  public static Block block(long height, int variant) {
    BlockHeader header = new BlockHeader(Hash.ZERO, height, 1_700_000_000L + height, Address.ZERO,
        Hash.ZERO, Hash.ZERO, Hash.ZERO, LogsBloom.EMPTY, 0, 30_000_000, new byte[] {(byte) variant},
        new byte[0]);
    return new Block(header, List.of());
  }
}
