package org.xinlian.evm.interpreter;

import java.util.Arrays;
import org.xinlian.common.Address;
import org.xinlian.crypto.Keccak256;
import org.xinlian.evm.word.UInt256;

/** Where CREATE and CREATE2 put a new contract; Keccak-256 on every chain, as Ethereum tools expect. */
public final class ContractAddresses {
  private ContractAddresses() {}

  /** keccak256(rlp([sender, nonce]))[12:] (Yellow Paper equation 88). */
  public static Address create(Address sender, long nonce) {
    byte[] nonceBytes = UInt256.fromLong(nonce).toMinimalBytes();
    boolean singleByte = nonceBytes.length == 1 && (nonceBytes[0] & 0xFF) < 0x80;
    int nonceLength = singleByte ? 1 : 1 + nonceBytes.length;
    byte[] rlp = new byte[1 + 21 + nonceLength];
    rlp[0] = (byte) (0xc0 + 21 + nonceLength);
    rlp[1] = (byte) 0x94;
    System.arraycopy(sender.toArray(), 0, rlp, 2, 20);
    if (singleByte) {
      rlp[22] = nonceBytes[0];
    } else {
      rlp[22] = (byte) (0x80 + nonceBytes.length);
      System.arraycopy(nonceBytes, 0, rlp, 23, nonceBytes.length);
    }
    return lastTwentyBytes(Keccak256.hash(rlp));
  }

  /** keccak256(0xff ++ sender ++ salt ++ keccak256(initcode))[12:] (EIP-1014). */
  public static Address create2(Address sender, UInt256 salt, byte[] initcode) {
    byte[] preimage = new byte[1 + 20 + 32 + 32];
    preimage[0] = (byte) 0xff;
    System.arraycopy(sender.toArray(), 0, preimage, 1, 20);
    salt.toBytes(preimage, 21);
    System.arraycopy(Keccak256.hash(initcode), 0, preimage, 53, 32);
    return lastTwentyBytes(Keccak256.hash(preimage));
  }

  private static Address lastTwentyBytes(byte[] hash) {
    return Address.wrap(Arrays.copyOfRange(hash, 12, 32));
  }

}
