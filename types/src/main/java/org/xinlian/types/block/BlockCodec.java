package org.xinlian.types.block;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.xinlian.common.Address;
import org.xinlian.common.DecodingException;
import org.xinlian.common.Hash;
import org.xinlian.crypto.CryptoSuite;
import org.xinlian.types.rlp.Rlp;
import org.xinlian.types.rlp.RlpReader;
import org.xinlian.types.rlp.RlpWriter;
import org.xinlian.types.transaction.Transaction;
import org.xinlian.types.transaction.TransactionCodec;
import org.xinlian.types.transaction.TransactionType;

/**
 * Canonical encodings of headers and blocks for one chain's suite.
 *
 * <ul>
 *   <li>header: {@code rlp([parentHash, number, timestamp, proposer, stateRoot,
 *       transactionsRoot, receiptsRoot, logsBloom, gasUsed, gasLimit, extraData,
 *       commitCertificate])};
 *   <li>header hash: {@code suite.hash} of the same list without {@code commitCertificate};
 *   <li>block: {@code rlp([header, [transactions...]])}, legacy transactions as lists and typed
 *       ones as byte strings holding {@code type || payload}, as in Ethereum block bodies.
 * </ul>
 *
 * Decoding checks structure and field widths only; roots are checked by the layers that build
 * the tries.
 */
public final class BlockCodec {
  /** Largest encoded block: the RLP input limit. */
  public static final int BLOCK_BYTES_MAX = Rlp.RLP_INPUT_BYTES_MAX;

  private static final String HEADER = "header";
  private static final String BLOCK = "block";

  private final CryptoSuite suite;
  private final TransactionCodec transactions;

  private BlockCodec(CryptoSuite suite) {
    this.suite = Objects.requireNonNull(suite, "suite");
    this.transactions = TransactionCodec.of(suite);
  }

  public static BlockCodec of(CryptoSuite suite) {
    return new BlockCodec(suite);
  }

  public byte[] encodeHeader(BlockHeader header) {
    RlpWriter writer = new RlpWriter(600 + header.commitCertificate().length);
    writeHeader(writer, header, true);
    return writer.toByteArray();
  }

  /** What the header hash covers: every field except the commit certificate. */
  public byte[] hashPayload(BlockHeader header) {
    RlpWriter writer = new RlpWriter(600);
    writeHeader(writer, header, false);
    return writer.toByteArray();
  }

  public Hash headerHash(BlockHeader header) {
    return suite.hashOf(hashPayload(header));
  }

  public BlockHeader decodeHeader(byte[] encoded) {
    return readHeader(RlpReader.ofList(encoded, HEADER), HEADER);
  }

  public byte[] encodeBlock(Block block) {
    RlpWriter writer = new RlpWriter(1024);
    writer.startList();
    writeHeader(writer, block.header(), true);
    writer.startList();
    for (Transaction transaction : block.transactions()) {
      byte[] envelope = transactions.encode(transaction);
      if (transaction.type() == TransactionType.LEGACY) {
        writer.writeEncoded(envelope);
      } else {
        writer.writeBytes(envelope);
      }
    }
    writer.endList();
    return writer.endList().toByteArray();
  }

  /** Strictly decodes a block; errors name the path, such as {@code block.transactions[3].r}. */
  public Block decodeBlock(byte[] encoded) {
    if (encoded != null && encoded.length > BLOCK_BYTES_MAX) {
      throw new DecodingException(
          BLOCK, encoded.length + " bytes exceed the limit of " + BLOCK_BYTES_MAX);
    }
    RlpReader fields = RlpReader.ofList(encoded, BLOCK);
    String headerField = BLOCK + "." + HEADER;
    BlockHeader header = readHeader(fields.readList(headerField), headerField);
    RlpReader list = fields.readList(BLOCK + ".transactions");
    List<Transaction> body = new ArrayList<>();
    while (list.hasNext()) {
      String field = BLOCK + ".transactions[" + body.size() + "]";
      byte[] envelope;
      if (list.nextIsList(field)) {
        envelope = list.readEncoded(field);
      } else {
        envelope = list.readBytes(field);
        if (envelope.length == 0 || (envelope[0] & 0xff) >= 0x80) {
          throw new DecodingException(
              field, "a byte string must hold a typed transaction (type byte first)");
        }
      }
      try {
        body.add(transactions.decode(envelope));
      } catch (DecodingException e) {
        throw renamed(e, "transaction", field);
      }
    }
    fields.requireEnd(BLOCK);
    return new Block(header, body);
  }

  private static DecodingException renamed(DecodingException e, String prefix, String field) {
    String problem = e.getMessage().substring(e.field().length() + 2);
    String rest = e.field().startsWith(prefix) ? e.field().substring(prefix.length()) : "";
    return new DecodingException(field + rest, problem, e);
  }

  private static void writeHeader(RlpWriter writer, BlockHeader header, boolean certificate) {
    writer.startList();
    writer.writeBytes(header.parentHash().toArray());
    writer.writeUnsignedLong(header.number());
    writer.writeUnsignedLong(header.timestamp());
    writer.writeBytes(header.proposer().toArray());
    writer.writeBytes(header.stateRoot().toArray());
    writer.writeBytes(header.transactionsRoot().toArray());
    writer.writeBytes(header.receiptsRoot().toArray());
    writer.writeBytes(header.logsBloom().toArray());
    writer.writeUnsignedLong(header.gasUsed());
    writer.writeUnsignedLong(header.gasLimit());
    writer.writeBytes(header.extraData());
    if (certificate) {
      writer.writeBytes(header.commitCertificate());
    }
    writer.endList();
  }

  private static BlockHeader readHeader(RlpReader fields, String field) {
    Hash parentHash = fields.readHash(field + ".parentHash");
    long number = fields.readLong(field + ".number");
    long timestamp = fields.readLong(field + ".timestamp");
    Address proposer = fields.readAddress(field + ".proposer");
    Hash stateRoot = fields.readHash(field + ".stateRoot");
    Hash transactionsRoot = fields.readHash(field + ".transactionsRoot");
    Hash receiptsRoot = fields.readHash(field + ".receiptsRoot");
    LogsBloom logsBloom =
        LogsBloom.wrap(fields.readBytes(field + ".logsBloom", LogsBloom.LENGTH));
    long gasUsed = fields.readLong(field + ".gasUsed");
    long gasLimit = fields.readLong(field + ".gasLimit");
    byte[] extraData =
        fields.readBytesAtMost(field + ".extraData", BlockHeader.EXTRA_DATA_BYTES_MAX);
    byte[] certificate =
        fields.readBytesAtMost(
            field + ".commitCertificate", BlockHeader.COMMIT_CERTIFICATE_BYTES_MAX);
    fields.requireEnd(field);
    return new BlockHeader(parentHash, number, timestamp, proposer, stateRoot, transactionsRoot,
        receiptsRoot, logsBloom, gasUsed, gasLimit, extraData, certificate);
  }
}
