package org.xinlian.consensus.message;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.xinlian.common.DecodingException;
import org.xinlian.crypto.CryptoSuite;
import org.xinlian.crypto.CryptoSuites;

class MessageCodecProperties {
  private static final CryptoSuite STANDARD = CryptoSuites.standard();
  private static final CryptoSuite GM = CryptoSuites.gm();
  private static final List<byte[]> STANDARD_SAMPLES = encoded(STANDARD);
  private static final List<byte[]> GM_SAMPLES = encoded(GM);

  private static List<byte[]> encoded(CryptoSuite suite) {
    MessageCodec codec = MessageCodec.of(suite);
    return MessageCodecTest.samples(suite).stream().map(codec::encode).toList();
  }

  @Property(tries = 2_000)
  @Label("CONSENSUS-9: arbitrary bytes fail only with DecodingException")
  void arbitraryBytes(@ForAll @Size(max = 600) byte[] bytes, @ForAll boolean gm) {
    decode(gm ? GM : STANDARD, bytes);
  }

  @Property(tries = 3_000)
  @Label("CONSENSUS-9: any message with one byte changed or cut off fails only with DecodingException")
  void mutatedMessages(@ForAll @IntRange(min = 0, max = 7) int sample,
      @ForAll @IntRange(min = 0, max = 100_000) int position, @ForAll byte delta, @ForAll boolean cut,
      @ForAll boolean gm) {
    byte[] original = (gm ? GM_SAMPLES : STANDARD_SAMPLES).get(sample);
    int at = position % original.length;
    byte[] mutated = cut ? java.util.Arrays.copyOf(original, at) : original.clone();
    if (!cut) {
      mutated[at] += delta;
    }
    decode(gm ? GM : STANDARD, mutated);
  }

  private static void decode(CryptoSuite suite, byte[] bytes) {
    try {
      MessageCodec.of(suite).decode(bytes);
    } catch (DecodingException expected) {
      // The only failure a decoder may report.
    }
  }
}
