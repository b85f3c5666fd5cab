package org.xinlian.ledger.snapshot;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.xinlian.common.DecodingException;
import org.xinlian.common.Hash;
import org.xinlian.crypto.CryptoSuite;
import org.xinlian.crypto.CryptoSuites;
import org.xinlian.types.block.BlockCodec;
import org.xinlian.types.block.BlockHeader;
import org.xinlian.types.rlp.RlpReader;
import org.xinlian.types.rlp.RlpWriter;

/**
 * The header record of a snapshot (SNAPSHOT-3): which chain the state belongs to and the block it
 * is the state of. An importer reads it first, to refuse another chain before loading anything.
 *
 * @param suiteName the chain's crypto suite, {@code standard} or {@code gm}
 * @param chainId the chain id
 * @param genesisHash hash of the chain's genesis block
 * @param header the block at the snapshot height; its state root is the root of the content
 */
public record SnapshotInfo(String suiteName, long chainId, Hash genesisHash, BlockHeader header) {
  private static final int HEADER_ESTIMATE_BYTES = 1024;

  public SnapshotInfo {
    Objects.requireNonNull(suiteName, "suiteName");
    Objects.requireNonNull(genesisHash, "genesisHash");
    Objects.requireNonNull(header, "header");
  }

  public long height() {
    return header.number();
  }

  public Hash stateRoot() {
    return header.stateRoot();
  }

  /** The hash of the snapshot block under this snapshot's suite. */
  public Hash blockHash() {
    return header.hash(CryptoSuites.byName(suiteName));
  }

  byte[] encode(CryptoSuite suite) {
    return new RlpWriter(HEADER_ESTIMATE_BYTES)
        .startList()
        .writeBytes(suiteName.getBytes(StandardCharsets.UTF_8))
        .writeUnsignedLong(chainId)
        .writeBytes(genesisHash.toArray())
        .writeBytes(BlockCodec.of(suite).encodeHeader(header))
        .writeBytes(header.stateRoot().toArray())
        .endList()
        .toByteArray();
  }

  /**
   * Decodes a header record body; throws {@link org.xinlian.common.DecodingException} naming the
   * field. The suite must be known, since the block header is decoded under it.
   */
  static SnapshotInfo decode(byte[] body) {
    RlpReader fields = RlpReader.ofList(body, "header");
    String suiteName =
        SnapshotLayout.utf8(
            "header.suite", fields.readBytesAtMost("header.suite", SnapshotLayout.SUITE_NAME_BYTES_MAX));
    if (!CryptoSuites.names().contains(suiteName)) {
      throw new DecodingException(
          "header.suite", "unknown crypto suite '" + suiteName + "'; known: " + CryptoSuites.names());
    }
    long chainId = fields.readUnsignedLong("header.chainId");
    Hash genesisHash = fields.readHash("header.genesisHash");
    byte[] headerEncoding =
        fields.readBytesAtMost("header.block", SnapshotFormat.HEADER_ENCODING_BYTES_MAX);
    Hash stateRoot = fields.readHash("header.stateRoot");
    fields.requireEnd("header");
    BlockHeader header =
        BlockCodec.of(CryptoSuites.byName(suiteName)).decodeHeader(headerEncoding);
    if (!header.stateRoot().equals(stateRoot)) {
      throw new DecodingException(
          "header.stateRoot",
          stateRoot + " differs from the block header's state root " + header.stateRoot());
    }
    return new SnapshotInfo(suiteName, chainId, genesisHash, header);
  }
}
