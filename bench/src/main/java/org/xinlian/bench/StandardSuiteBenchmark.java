package org.xinlian.bench;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.xinlian.crypto.CryptoSuite;
import org.xinlian.crypto.CryptoSuites;
import org.xinlian.crypto.KeyPair;
import org.xinlian.crypto.PublicKey;
import org.xinlian.crypto.Signature;

/**
 * Throughput of the standard suite's primitives. Sender recovery bounds how many transactions a
 * node can admit per second, so recoverSigner is the figure to watch.
 *
 * <p>{@code backend} selects the secp256k1 implementation through the {@code xinlian.secp256k1}
 * property (docs/adr/0007): bitcoin-core's libsecp256k1 or BouncyCastle. It only changes verify
 * and recoverSigner; JMH runs each value in its own fork, where the suite reads the property.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class StandardSuiteBenchmark {
  private static final int SMALL_INPUT_BYTES = 32;
  private static final int LARGE_INPUT_BYTES = 1024;

  @Param({"native", "bouncycastle"})
  public String backend;

  private CryptoSuite suite;
  private KeyPair keyPair;
  private byte[] small;
  private byte[] large;
  private byte[] digest;
  private Signature signature;
  private byte[] symmetricKey;
  private byte[] nonce;

  @Setup
  public void setUp() {
    System.setProperty("xinlian.secp256k1", backend);
    suite = CryptoSuites.standard();
    // Fixed inputs keep runs comparable; the key protects nothing.
    keyPair = suite.keyPairFromPrivateKey(suite.hash("xinlian benchmark key".getBytes(UTF_8)));
    small = pattern(SMALL_INPUT_BYTES);
    large = pattern(LARGE_INPUT_BYTES);
    digest = suite.hash(large);
    signature = suite.sign(keyPair.privateKey(), digest);
    symmetricKey = suite.hash(small);
    nonce = new byte[CryptoSuite.NONCE_LENGTH];
  }

  private static byte[] pattern(int length) {
    byte[] out = new byte[length];
    for (int i = 0; i < length; i++) {
      out[i] = (byte) (i * 31 + 7);
    }
    return out;
  }

  @Benchmark
  public byte[] keccak32() {
    return suite.hash(small);
  }

  @Benchmark
  public byte[] keccak1024() {
    return suite.hash(large);
  }

  @Benchmark
  public Signature sign() {
    return suite.sign(keyPair.privateKey(), digest);
  }

  @Benchmark
  public boolean verify() {
    return suite.verify(keyPair.publicKey(), digest, signature);
  }

  @Benchmark
  public PublicKey recoverSigner() {
    return suite.recoverSigner(digest, signature);
  }

  @Benchmark
  public byte[] aes256GcmEncrypt1024() {
    return suite.encrypt(symmetricKey, nonce, large, null);
  }
}
