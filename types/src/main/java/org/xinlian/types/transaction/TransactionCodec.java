package org.xinlian.types.transaction;

import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import org.xinlian.common.Address;
import org.xinlian.common.Hash;
import org.xinlian.common.Invariants;
import org.xinlian.crypto.CryptoSuite;
import org.xinlian.crypto.PrivateKey;
import org.xinlian.crypto.PublicKey;
import org.xinlian.crypto.Signature;
import org.xinlian.crypto.SignerIdentification;
import org.xinlian.types.rlp.RlpWriter;

/**
 * Encodes, decodes, signs and identifies transactions for one chain's {@link CryptoSuite}, exactly
 * as docs/adr/0002 fixes it: Ethereum's field lists, signing payloads and type bytes for both
 * suites; on standard chains Ethereum's envelope byte for byte; on gm chains one more RLP string
 * after {@code s} holding the signer's 64-byte public key, with mandatory EIP-155 and a zero
 * recovery bit. A codec for one suite rejects the other suite's envelopes.
 *
 * <p>Instances are immutable and cheap; they hold only the suite.
 */
public final class TransactionCodec {
  /**
   * Largest encoded transaction accepted: 128 KiB, geth's transaction pool limit, which already
   * admits the largest init code allowed by EIP-3860 (48 KiB) with room to spare.
   */
  public static final int TRANSACTION_BYTES_MAX = 128 * 1024;

  private final CryptoSuite suite;
  private final boolean embeddedKey;

  private TransactionCodec(CryptoSuite suite) {
    this.suite = Objects.requireNonNull(suite, "suite");
    this.embeddedKey =
        suite.signerIdentification() == SignerIdentification.EMBEDDED_PUBLIC_KEY;
  }

  /** The codec of the chain whose suite is {@code suite}. */
  public static TransactionCodec of(CryptoSuite suite) {
    return new TransactionCodec(suite);
  }

  public CryptoSuite suite() {
    return suite;
  }

  /**
   * Strictly decodes a signed envelope (TYPES-10): rejects oversize input, unknown types,
   * non-canonical RLP, wrong field counts or widths and the other suite's envelope, with a
   * {@link org.xinlian.common.DecodingException} naming the field. Signatures are not checked
   * here; {@link #sender} or {@link #verify} does that.
   */
  public Transaction decode(byte[] encoded) {
    return new TransactionDecoder(suite, embeddedKey).decode(encoded);
  }

  /**
   * Decodes and establishes hash and sender once, for the pool and block execution. The hash is
   * computed over the input itself: strict decoding guarantees it is the canonical encoding.
   *
   * @throws org.xinlian.common.DecodingException if the bytes are not a valid envelope
   * @throws org.xinlian.crypto.InvalidSignatureException if the signature establishes no sender
   */
  public VerifiedTransaction verify(byte[] encoded) {
    Transaction transaction = decode(encoded);
    Hash hash = suite.hashOf(encoded);
    return new VerifiedTransaction(transaction, hash, sender(transaction), encoded.length);
  }

  /** As {@link #verify(byte[])} for a transaction already in memory. */
  public VerifiedTransaction verify(Transaction transaction) {
    byte[] encoded = encode(transaction);
    return new VerifiedTransaction(
        transaction, suite.hashOf(encoded), sender(transaction), encoded.length);
  }

  /** The signed envelope: the bytes gossiped, stored in blocks and hashed. */
  public byte[] encode(Transaction transaction) {
    Signature signature = transaction.signature();
    requireSignatureShape(signature);
    UnsignedTransaction unsigned = transaction.unsigned();
    RlpWriter writer = new RlpWriter(160 + unsigned.dataLength());
    if (unsigned instanceof UnsignedTransaction.Legacy legacy) {
      writer.startList();
      writeLegacyFields(writer, legacy);
      writer.writeUnsignedLong(legacyV(legacy.chainId(), signature));
    } else {
      writer.writeEncoded(new byte[] {(byte) unsigned.type().typeByte()});
      writer.startList();
      writeTypedFields(writer, unsigned);
      writer.writeUnsignedLong(embeddedKey ? 0 : signature.recoveryId());
    }
    writer.writeBigInteger(signature.r());
    writer.writeBigInteger(signature.s());
    if (embeddedKey) {
      writer.writeBytes(signature.signerKey().bytes());
    }
    return writer.endList().toByteArray();
  }

  /**
   * What the signature covers: EIP-155's {@code rlp([..., chainId, 0, 0])} or the pre-155 six
   * fields for legacy; {@code type || rlp([fields])} for typed transactions.
   */
  public byte[] signingPayload(UnsignedTransaction unsigned) {
    RlpWriter writer = new RlpWriter(160 + unsigned.dataLength());
    if (unsigned instanceof UnsignedTransaction.Legacy legacy) {
      writer.startList();
      writeLegacyFields(writer, legacy);
      if (legacy.chainId().isPresent()) {
        writer.writeUnsignedLong(legacy.chainId().getAsLong());
        writer.writeUnsignedLong(0);
        writer.writeUnsignedLong(0);
      }
    } else {
      writer.writeEncoded(new byte[] {(byte) unsigned.type().typeByte()});
      writer.startList();
      writeTypedFields(writer, unsigned);
    }
    return writer.endList().toByteArray();
  }

  /** {@code suite.hash(signingPayload)}: the 32-byte digest that is signed. */
  public byte[] signingHash(UnsignedTransaction unsigned) {
    return suite.hash(signingPayload(unsigned));
  }

  /** {@code suite.hash(envelope)}. */
  public Hash hash(Transaction transaction) {
    return suite.hashOf(encode(transaction));
  }

  /**
   * Signs with the suite's deterministic signature (RFC 6979 on secp256k1, so the result equals
   * ethers.js's for the same key and fields).
   */
  public Transaction sign(UnsignedTransaction unsigned, PrivateKey key) {
    if (!suite.name().equals(key.suite())) {
      throw new IllegalArgumentException(
          "privateKey: a " + key.suite() + " key cannot sign for a " + suite.name() + " chain");
    }
    if (embeddedKey && unsigned.signedChainId().isEmpty()) {
      throw new IllegalArgumentException(
          "transaction.chainId: gm chains require EIP-155 replay protection");
    }
    Signature signature = suite.sign(key, signingHash(unsigned));
    Invariants.check(
        embeddedKey || signature.recoveryId() <= 1,
        "sign: recovery id %d cannot be carried by a transaction",
        signature.recoveryId());
    return unsigned.withSignature(signature);
  }

  /**
   * The sender: recovered from the signature on standard chains (high {@code s} rejected, EIP-2),
   * the embedded key's address on gm chains after the SM2 signature verified.
   *
   * @throws org.xinlian.crypto.InvalidSignatureException if the signature establishes no sender
   */
  public Address sender(Transaction transaction) {
    requireSignatureShape(transaction.signature());
    PublicKey key = suite.recoverSigner(signingHash(transaction.unsigned()), transaction.signature());
    return suite.address(key);
  }

  private void requireSignatureShape(Signature signature) {
    if (embeddedKey) {
      if (signature.signerKey() == null || !suite.name().equals(signature.signerKey().suite())) {
        throw new IllegalArgumentException(
            "transaction.signature: a " + suite.name() + " transaction embeds a "
                + suite.name() + " signer key");
      }
    } else if (signature.recoveryId() < 0 || signature.recoveryId() > 1) {
      throw new IllegalArgumentException(
          "transaction.signature: recovery id must be 0 or 1, got " + signature.recoveryId());
    }
  }

  private long legacyV(OptionalLong chainId, Signature signature) {
    if (embeddedKey) {
      if (chainId.isEmpty()) {
        throw new IllegalArgumentException(
            "transaction.chainId: gm chains require EIP-155 replay protection");
      }
      return 2 * chainId.getAsLong() + 35;
    }
    return chainId.isPresent()
        ? 2 * chainId.getAsLong() + 35 + signature.recoveryId()
        : 27 + signature.recoveryId();
  }

  private static void writeLegacyFields(RlpWriter writer, UnsignedTransaction.Legacy legacy) {
    writer.writeUnsignedLong(legacy.nonce());
    writer.writeBigInteger(legacy.gasPrice());
    writer.writeUnsignedLong(legacy.gasLimit());
    writeTo(writer, legacy);
    writer.writeBigInteger(legacy.value());
    writer.writeBytes(legacy.data());
  }

  private static void writeTypedFields(RlpWriter writer, UnsignedTransaction unsigned) {
    writer.writeUnsignedLong(unsigned.signedChainId().orElseThrow());
    writer.writeUnsignedLong(unsigned.nonce());
    if (unsigned instanceof UnsignedTransaction.DynamicFee dynamicFee) {
      writer.writeBigInteger(dynamicFee.maxPriorityFeePerGas());
      writer.writeBigInteger(dynamicFee.maxFeePerGas());
    } else {
      writer.writeBigInteger(unsigned.maxFeePerGas());
    }
    writer.writeUnsignedLong(unsigned.gasLimit());
    writeTo(writer, unsigned);
    writer.writeBigInteger(unsigned.value());
    writer.writeBytes(unsigned.data());
    writeAccessList(writer, unsigned.accessList());
  }

  private static void writeTo(RlpWriter writer, UnsignedTransaction unsigned) {
    writer.writeBytes(unsigned.to().map(Address::toArray).orElse(new byte[0]));
  }

  static void writeAccessList(RlpWriter writer, List<AccessListEntry> accessList) {
    writer.startList();
    for (AccessListEntry entry : accessList) {
      writer.startList();
      writer.writeBytes(entry.address().toArray());
      writer.startList();
      for (Hash key : entry.storageKeys()) {
        writer.writeBytes(key.toArray());
      }
      writer.endList();
      writer.endList();
    }
    writer.endList();
  }
}
