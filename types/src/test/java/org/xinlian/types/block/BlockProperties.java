package org.xinlian.types.block;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.xinlian.common.Address;
import org.xinlian.common.DecodingException;
import org.xinlian.common.Hash;
import org.xinlian.crypto.CryptoSuite;
import org.xinlian.crypto.CryptoSuites;
import org.xinlian.types.transaction.TransactionType;

/**
 * Round trips and strictness of headers, blocks and receipts (docs/spec/types.md TYPES-20,
 * TYPES-21, TYPES-23): decoders accept exactly the canonical encodings and fail with
 * DecodingException alone.
 */
class BlockProperties {
  private static final CryptoSuite STANDARD = CryptoSuites.standard();
  private static final byte[] SAMPLE_BLOCK =
      BlockCodec.of(STANDARD).encodeBlock(BlockCodecTest.sampleBlock(STANDARD));

  @Provide
  Arbitrary<BlockHeader> headers() {
    Arbitrary<Hash> hashes = Arbitraries.bytes().array(byte[].class).ofSize(32).map(Hash::wrap);
    Arbitrary<Long> longs = Arbitraries.longs().greaterOrEqual(0);
    Arbitrary<Address> addresses =
        Arbitraries.bytes().array(byte[].class).ofSize(20).map(Address::wrap);
    Arbitrary<LogsBloom> blooms =
        Arbitraries.bytes().array(byte[].class).ofSize(LogsBloom.LENGTH).map(LogsBloom::wrap);
    return Combinators.combine(
            Combinators.combine(hashes, longs, longs, addresses).as(List::of),
            Combinators.combine(hashes, hashes, hashes, blooms).as(List::of),
            longs, longs,
            Arbitraries.bytes().array(byte[].class).ofMaxSize(BlockHeader.EXTRA_DATA_BYTES_MAX),
            Arbitraries.bytes().array(byte[].class).ofMaxSize(300))
        .as((a, b, gasUsed, gasLimit, extra, certificate) -> new BlockHeader(
            (Hash) a.get(0), (Long) a.get(1), (Long) a.get(2), (Address) a.get(3),
            (Hash) b.get(0), (Hash) b.get(1), (Hash) b.get(2), (LogsBloom) b.get(3),
            gasUsed, gasLimit, extra, certificate));
  }

  @Provide
  Arbitrary<Receipt> receipts() {
    Arbitrary<Log> logs =
        Combinators.combine(
                Arbitraries.bytes().array(byte[].class).ofSize(20).map(Address::wrap),
                Arbitraries.bytes().array(byte[].class).ofSize(32).map(Hash::wrap).list()
                    .ofMaxSize(Log.TOPICS_MAX),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(64))
            .as(Log::new);
    return Combinators.combine(
            Arbitraries.of(TransactionType.class), Arbitraries.of(true, false),
            Arbitraries.longs().greaterOrEqual(0), logs.list().ofMaxSize(4))
        .as(Receipt::of);
  }

  @Property(tries = 300)
  void headersRoundTrip(@ForAll("headers") BlockHeader header) {
    BlockCodec codec = BlockCodec.of(STANDARD);
    assertEquals(header, codec.decodeHeader(codec.encodeHeader(header)));
  }

  @Property(tries = 300)
  void receiptsRoundTrip(@ForAll("receipts") Receipt receipt) {
    assertEquals(receipt, ReceiptCodec.decode(ReceiptCodec.encode(receipt)));
  }

  @Property(tries = 1000)
  void mutatedHeadersFailCleanlyOrAreCanonical(
      @ForAll("headers") BlockHeader header,
      @ForAll @IntRange(min = 0, max = 3) int mutation,
      @ForAll @IntRange(min = 0, max = 100_000) int where,
      @ForAll byte value) {
    BlockCodec codec = BlockCodec.of(STANDARD);
    byte[] mutated = mutate(codec.encodeHeader(header), mutation, where, value);
    try {
      assertArrayEquals(mutated, codec.encodeHeader(codec.decodeHeader(mutated)));
    } catch (DecodingException expected) {
      // Rejected cleanly.
    }
  }

  @Property(tries = 1000)
  void mutatedReceiptsFailCleanlyOrAreCanonical(
      @ForAll("receipts") Receipt receipt,
      @ForAll @IntRange(min = 0, max = 3) int mutation,
      @ForAll @IntRange(min = 0, max = 100_000) int where,
      @ForAll byte value) {
    byte[] mutated = mutate(ReceiptCodec.encode(receipt), mutation, where, value);
    try {
      assertArrayEquals(mutated, ReceiptCodec.encode(ReceiptCodec.decode(mutated)));
    } catch (DecodingException expected) {
      // Rejected cleanly.
    }
  }

  @Property(tries = 1000)
  void mutatedBlocksFailCleanlyOrAreCanonical(
      @ForAll @IntRange(min = 0, max = 3) int mutation,
      @ForAll @IntRange(min = 0, max = 100_000) int where,
      @ForAll byte value) {
    BlockCodec codec = BlockCodec.of(STANDARD);
    byte[] mutated = mutate(SAMPLE_BLOCK, mutation, where, value);
    try {
      assertArrayEquals(mutated, codec.encodeBlock(codec.decodeBlock(mutated)));
    } catch (DecodingException expected) {
      // Rejected cleanly.
    }
  }

  @Property(tries = 1000)
  void randomBytesFailCleanly(@ForAll @Size(max = 400) byte[] input) {
    BlockCodec codec = BlockCodec.of(STANDARD);
    for (Runnable decoder : List.<Runnable>of(
        () -> codec.decodeBlock(input), () -> codec.decodeHeader(input),
        () -> ReceiptCodec.decode(input))) {
      try {
        decoder.run();
      } catch (DecodingException expected) {
        // Rejected cleanly.
      }
    }
  }

  private static byte[] mutate(byte[] encoded, int mutation, int where, byte value) {
    return org.xinlian.types.transaction.TransactionPropertiesAccess.mutate(
        encoded, mutation, where, value);
  }
}
