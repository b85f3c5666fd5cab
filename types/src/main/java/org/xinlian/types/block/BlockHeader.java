package org.xinlian.types.block;

import java.util.Arrays;
import java.util.Objects;
import org.xinlian.common.Address;
import org.xinlian.common.Hash;
import org.xinlian.common.Hex;
import org.xinlian.crypto.CryptoSuite;

/**
 * A block header. Its hash, {@code suite.hash} of every field except {@code commitCertificate},
 * is what validators sign; the certificate that collects those signatures is attached afterwards,
 * so it cannot be covered by the hash it certifies (docs/spec/types.md TYPES-20). Two headers that
 * differ only in their certificates therefore have the same hash: different quorums may certify
 * the same block.
 *
 * @param number height, genesis is 0
 * @param timestamp seconds since the Unix epoch, as the EVM's TIMESTAMP opcode reports it
 * @param proposer the validator that proposed the block (receives the fees)
 * @param extraData free bytes for the proposer, at most {@link #EXTRA_DATA_BYTES_MAX}
 * @param commitCertificate the consensus layer's proof of commitment, opaque here, at most
 *     {@link #COMMIT_CERTIFICATE_BYTES_MAX}; empty until the block is committed
 */
public record BlockHeader(
    Hash parentHash,
    long number,
    long timestamp,
    Address proposer,
    Hash stateRoot,
    Hash transactionsRoot,
    Hash receiptsRoot,
    LogsBloom logsBloom,
    long gasUsed,
    long gasLimit,
    byte[] extraData,
    byte[] commitCertificate) {
  /** Ethereum's limit on extra data. */
  public static final int EXTRA_DATA_BYTES_MAX = 32;

  /**
   * Largest commit certificate: 64 KiB holds a quorum of about 300 gm signatures with embedded
   * keys (130 bytes each with an index) and leaves room for the round and bitmap.
   */
  public static final int COMMIT_CERTIFICATE_BYTES_MAX = 64 * 1024;

  public BlockHeader {
    Objects.requireNonNull(parentHash, "header.parentHash");
    requireNonNegative("header.number", number);
    requireNonNegative("header.timestamp", timestamp);
    Objects.requireNonNull(proposer, "header.proposer");
    Objects.requireNonNull(stateRoot, "header.stateRoot");
    Objects.requireNonNull(transactionsRoot, "header.transactionsRoot");
    Objects.requireNonNull(receiptsRoot, "header.receiptsRoot");
    Objects.requireNonNull(logsBloom, "header.logsBloom");
    requireNonNegative("header.gasUsed", gasUsed);
    requireNonNegative("header.gasLimit", gasLimit);
    extraData = bounded("header.extraData", extraData, EXTRA_DATA_BYTES_MAX);
    commitCertificate =
        bounded("header.commitCertificate", commitCertificate, COMMIT_CERTIFICATE_BYTES_MAX);
  }

  /** A copy of the extra data. */
  @Override
  public byte[] extraData() {
    return extraData.clone();
  }

  /** A copy of the commit certificate. */
  @Override
  public byte[] commitCertificate() {
    return commitCertificate.clone();
  }

  /** This header with {@code certificate} attached; the hash does not change. */
  public BlockHeader withCommitCertificate(byte[] certificate) {
    return new BlockHeader(parentHash, number, timestamp, proposer, stateRoot, transactionsRoot,
        receiptsRoot, logsBloom, gasUsed, gasLimit, extraData, certificate);
  }

  /** {@code suite.hash} of the header without its commit certificate. */
  public Hash hash(CryptoSuite suite) {
    return BlockCodec.of(suite).headerHash(this);
  }

  private static void requireNonNegative(String field, long value) {
    if (value < 0) {
      throw new IllegalArgumentException(field + ": must not be negative, got " + value);
    }
  }

  private static byte[] bounded(String field, byte[] bytes, int lengthMax) {
    Objects.requireNonNull(bytes, field);
    if (bytes.length > lengthMax) {
      throw new IllegalArgumentException(
          field + ": " + bytes.length + " bytes exceed the limit of " + lengthMax);
    }
    return bytes.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof BlockHeader h
        && parentHash.equals(h.parentHash)
        && number == h.number
        && timestamp == h.timestamp
        && proposer.equals(h.proposer)
        && stateRoot.equals(h.stateRoot)
        && transactionsRoot.equals(h.transactionsRoot)
        && receiptsRoot.equals(h.receiptsRoot)
        && logsBloom.equals(h.logsBloom)
        && gasUsed == h.gasUsed
        && gasLimit == h.gasLimit
        && Arrays.equals(extraData, h.extraData)
        && Arrays.equals(commitCertificate, h.commitCertificate);
  }

  @Override
  public int hashCode() {
    return Objects.hash(parentHash, number, stateRoot, transactionsRoot);
  }

  @Override
  public String toString() {
    return "BlockHeader[number=" + number + ", parentHash=" + parentHash + ", timestamp="
        + timestamp + ", proposer=" + proposer + ", stateRoot=" + stateRoot
        + ", transactionsRoot=" + transactionsRoot + ", receiptsRoot=" + receiptsRoot
        + ", gasUsed=" + gasUsed + ", gasLimit=" + gasLimit + ", extraData="
        + Hex.encode(extraData) + ", commitCertificate=" + commitCertificate.length + " bytes]";
  }
}
