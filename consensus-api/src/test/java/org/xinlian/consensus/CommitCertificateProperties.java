package org.xinlian.consensus;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.xinlian.common.DecodingException;
import org.xinlian.common.Hash;
import org.xinlian.crypto.CryptoSuite;
import org.xinlian.crypto.CryptoSuites;
import org.xinlian.crypto.Signature;

class CommitCertificateProperties {
  private static final CryptoSuite STANDARD = CryptoSuites.standard();
  private static final CryptoSuite GM = CryptoSuites.gm();
  private static final Hash HASH = Fixtures.block(5, 0).hash(STANDARD);
  private static final Signature STANDARD_SEAL =
      STANDARD.sign(Fixtures.key(STANDARD, 1).privateKey(), ConsensusSignatures.commitDigest(STANDARD, 5, 0, HASH));
  private static final Signature GM_SEAL =
      GM.sign(Fixtures.key(GM, 1).privateKey(), ConsensusSignatures.commitDigest(GM, 5, 0, HASH));

  @Property(tries = 200)
  @Label("CONSENSUS-7: encode then decode gives the certificate back, on both suites")
  void roundTrip(@ForAll @IntRange(min = 1, max = 40) int seals, @ForAll @IntRange(min = 0, max = 1_000_000) int round,
      @ForAll boolean gm) {
    CryptoSuite suite = gm ? GM : STANDARD;
    List<Signature> list = new ArrayList<>();
    for (int i = 0; i < seals; i++) {
      list.add(gm ? GM_SEAL : STANDARD_SEAL);
    }
    CommitCertificate certificate = new CommitCertificate(7, round, HASH, list);
    assertEquals(certificate, CommitCertificate.decode(certificate.encode(suite), suite));
  }

  @Property(tries = 1_000)
  @Label("CONSENSUS-7: arbitrary bytes fail only with DecodingException")
  void arbitraryBytes(@ForAll @Size(max = 400) byte[] bytes, @ForAll boolean gm) {
    decodeOnlyThrowsDecodingException(bytes, gm ? GM : STANDARD);
  }

  @Property(tries = 1_000)
  @Label("CONSENSUS-7: a valid encoding with one byte changed or cut fails only with DecodingException")
  void mutatedEncoding(@ForAll @IntRange(min = 0, max = 10_000) int position, @ForAll byte delta,
      @ForAll boolean cut, @ForAll boolean gm) {
    CryptoSuite suite = gm ? GM : STANDARD;
    byte[] encoded = new CommitCertificate(9, 2, HASH, List.of(gm ? GM_SEAL : STANDARD_SEAL, gm ? GM_SEAL : STANDARD_SEAL))
        .encode(suite);
    int at = position % encoded.length;
    byte[] mutated = cut ? java.util.Arrays.copyOf(encoded, at) : encoded.clone();
    if (!cut) {
      mutated[at] += delta;
    }
    decodeOnlyThrowsDecodingException(mutated, suite);
  }

  private static void decodeOnlyThrowsDecodingException(byte[] bytes, CryptoSuite suite) {
    try {
      CommitCertificate.decode(bytes, suite);
    } catch (DecodingException expected) {
      // The only failure a decoder may report.
    }
  }
}
