package org.xinlian.types.transaction;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.xinlian.common.Address;
import org.xinlian.common.DecodingException;
import org.xinlian.common.Hash;
import org.xinlian.crypto.CryptoException;
import org.xinlian.crypto.CryptoSuite;
import org.xinlian.crypto.PublicKey;
import org.xinlian.crypto.Signature;
import org.xinlian.types.rlp.RlpReader;

/** The strict envelope decoder behind {@link TransactionCodec#decode}. */
final class TransactionDecoder {
  private static final String TX = "transaction";
  private static final int SCALAR_256_BYTES_MAX = 32;
  private static final BigInteger V_UNPROTECTED_0 = BigInteger.valueOf(27);
  private static final BigInteger V_UNPROTECTED_1 = BigInteger.valueOf(28);
  private static final BigInteger V_PROTECTED_BASE = BigInteger.valueOf(35);
  private static final BigInteger V_PROTECTED_MAX =
      BigInteger.valueOf(UnsignedTransaction.CHAIN_ID_MAX).shiftLeft(1).add(BigInteger.valueOf(36));

  private final CryptoSuite suite;
  private final boolean embeddedKey;

  TransactionDecoder(CryptoSuite suite, boolean embeddedKey) {
    this.suite = suite;
    this.embeddedKey = embeddedKey;
  }

  Transaction decode(byte[] encoded) {
    if (encoded == null || encoded.length == 0) {
      throw new DecodingException(TX, "empty input");
    }
    if (encoded.length > TransactionCodec.TRANSACTION_BYTES_MAX) {
      throw new DecodingException(
          TX,
          encoded.length + " bytes exceed the limit of " + TransactionCodec.TRANSACTION_BYTES_MAX);
    }
    int first = encoded[0] & 0xff;
    if (first >= 0xc0) {
      return decodeLegacy(RlpReader.ofList(encoded, TX));
    }
    if (first >= 0x80) {
      throw new DecodingException(TX, "expected a list or a typed envelope, found a byte string");
    }
    if (first == TransactionType.ACCESS_LIST.typeByte()
        || first == TransactionType.DYNAMIC_FEE.typeByte()) {
      if (encoded.length == 1) {
        throw new DecodingException(TX, "typed envelope without a payload");
      }
      RlpReader fields = RlpReader.ofList(encoded, 1, encoded.length - 1, TX);
      return first == TransactionType.ACCESS_LIST.typeByte()
          ? decodeAccessList(fields)
          : decodeDynamicFee(fields);
    }
    throw new DecodingException(
        TX + ".type", String.format("unsupported transaction type 0x%02x", first));
  }

  private Transaction decodeLegacy(RlpReader fields) {
    long nonce = fields.readUnsignedLong(TX + ".nonce");
    BigInteger gasPrice = fields.readBigInteger(TX + ".gasPrice", SCALAR_256_BYTES_MAX);
    long gasLimit = fields.readUnsignedLong(TX + ".gasLimit");
    Optional<Address> to = readTo(fields);
    BigInteger value = fields.readBigInteger(TX + ".value", SCALAR_256_BYTES_MAX);
    byte[] data = fields.readBytes(TX + ".data");
    BigInteger v = fields.readBigInteger(TX + ".v", SCALAR_256_BYTES_MAX);
    OptionalLong chainId;
    int recoveryId;
    if (v.equals(V_UNPROTECTED_0) || v.equals(V_UNPROTECTED_1)) {
      if (embeddedKey) {
        throw new DecodingException(
            TX + ".v", "gm transactions require EIP-155 replay protection (v = 2 * chainId + 35)");
      }
      chainId = OptionalLong.empty();
      recoveryId = v.intValue() - 27;
    } else if (v.compareTo(V_PROTECTED_BASE) >= 0 && v.compareTo(V_PROTECTED_MAX) <= 0) {
      long offset = v.longValue() - 35;
      chainId = OptionalLong.of(offset >>> 1);
      recoveryId = (int) (offset & 1);
      if (embeddedKey && recoveryId != 0) {
        throw new DecodingException(TX + ".v", "gm transactions carry a zero recovery bit");
      }
    } else {
      throw new DecodingException(
          TX + ".v", "invalid value " + v + " (expected 27, 28 or 2 * chainId + 35 + {0, 1})");
    }
    Signature signature = readSignature(fields, recoveryId);
    UnsignedTransaction.Legacy unsigned =
        new UnsignedTransaction.Legacy(nonce, gasPrice, gasLimit, to, value, data, chainId);
    return new LegacyTransaction(unsigned, signature);
  }

  private Transaction decodeAccessList(RlpReader fields) {
    long chainId = readChainId(fields);
    long nonce = fields.readUnsignedLong(TX + ".nonce");
    BigInteger gasPrice = fields.readBigInteger(TX + ".gasPrice", SCALAR_256_BYTES_MAX);
    long gasLimit = fields.readUnsignedLong(TX + ".gasLimit");
    Optional<Address> to = readTo(fields);
    BigInteger value = fields.readBigInteger(TX + ".value", SCALAR_256_BYTES_MAX);
    byte[] data = fields.readBytes(TX + ".data");
    List<AccessListEntry> accessList = readAccessList(fields);
    Signature signature = readSignature(fields, readYParity(fields));
    return new AccessListTransaction(
        new UnsignedTransaction.AccessList(
            chainId, nonce, gasPrice, gasLimit, to, value, data, accessList),
        signature);
  }

  private Transaction decodeDynamicFee(RlpReader fields) {
    long chainId = readChainId(fields);
    long nonce = fields.readUnsignedLong(TX + ".nonce");
    BigInteger maxPriorityFee =
        fields.readBigInteger(TX + ".maxPriorityFeePerGas", SCALAR_256_BYTES_MAX);
    BigInteger maxFee = fields.readBigInteger(TX + ".maxFeePerGas", SCALAR_256_BYTES_MAX);
    long gasLimit = fields.readUnsignedLong(TX + ".gasLimit");
    Optional<Address> to = readTo(fields);
    BigInteger value = fields.readBigInteger(TX + ".value", SCALAR_256_BYTES_MAX);
    byte[] data = fields.readBytes(TX + ".data");
    List<AccessListEntry> accessList = readAccessList(fields);
    Signature signature = readSignature(fields, readYParity(fields));
    return new DynamicFeeTransaction(
        new UnsignedTransaction.DynamicFee(
            chainId, nonce, maxPriorityFee, maxFee, gasLimit, to, value, data, accessList),
        signature);
  }

  private static long readChainId(RlpReader fields) {
    long chainId = fields.readUnsignedLong(TX + ".chainId");
    if (chainId < 0 || chainId > UnsignedTransaction.CHAIN_ID_MAX) {
      throw new DecodingException(
          TX + ".chainId", "exceeds the limit of " + UnsignedTransaction.CHAIN_ID_MAX);
    }
    return chainId;
  }

  private int readYParity(RlpReader fields) {
    long yParity = fields.readUnsignedLong(TX + ".yParity");
    if (embeddedKey ? yParity != 0 : (yParity != 0 && yParity != 1)) {
      throw new DecodingException(
          TX + ".yParity",
          (embeddedKey ? "must be 0 on gm chains" : "must be 0 or 1") + ", got "
              + Long.toUnsignedString(yParity));
    }
    return (int) yParity;
  }

  private static Optional<Address> readTo(RlpReader fields) {
    byte[] to = fields.readBytes(TX + ".to");
    if (to.length == 0) {
      return Optional.empty();
    }
    if (to.length != Address.LENGTH) {
      throw new DecodingException(
          TX + ".to", "expected 20 bytes (or none for contract creation) but got " + to.length);
    }
    return Optional.of(Address.wrap(to));
  }

  private static List<AccessListEntry> readAccessList(RlpReader fields) {
    String field = TX + ".accessList";
    RlpReader list = fields.readList(field);
    List<AccessListEntry> entries = new ArrayList<>();
    while (list.hasNext()) {
      String entryField = field + "[" + entries.size() + "]";
      RlpReader entry = list.readList(entryField);
      Address address = entry.readAddress(entryField + ".address");
      RlpReader keys = entry.readList(entryField + ".storageKeys");
      List<Hash> storageKeys = new ArrayList<>();
      while (keys.hasNext()) {
        storageKeys.add(keys.readHash(entryField + ".storageKeys[" + storageKeys.size() + "]"));
      }
      entry.requireEnd(entryField);
      entries.add(new AccessListEntry(address, storageKeys));
    }
    return entries;
  }

  private Signature readSignature(RlpReader fields, int recoveryId) {
    BigInteger r = readSignatureScalar(fields, TX + ".r");
    BigInteger s = readSignatureScalar(fields, TX + ".s");
    Signature signature;
    if (embeddedKey) {
      if (!fields.hasNext()) {
        throw new DecodingException(
            TX + ".publicKey", "missing: gm envelopes carry the signer's key after s");
      }
      byte[] keyBytes = fields.readBytes(TX + ".publicKey", CryptoSuite.PUBLIC_KEY_LENGTH);
      PublicKey key;
      try {
        key = suite.publicKeyFromBytes(keyBytes);
      } catch (IllegalArgumentException | CryptoException e) {
        throw new DecodingException(TX + ".publicKey", "not a valid " + suite.name() + " key", e);
      }
      signature = Signature.withSignerKey(r, s, key);
    } else {
      signature = Signature.recoverable(r, s, recoveryId);
    }
    if (fields.hasNext()) {
      throw new DecodingException(
          TX,
          embeddedKey
              ? "unexpected extra item(s) after the signer's public key"
              : "unexpected extra item(s) after s (a gm envelope on a standard chain?)");
    }
    return signature;
  }

  private static BigInteger readSignatureScalar(RlpReader fields, String field) {
    BigInteger value = fields.readBigInteger(field, SCALAR_256_BYTES_MAX);
    if (value.signum() == 0) {
      throw new DecodingException(field, "must not be zero");
    }
    return value;
  }
}
