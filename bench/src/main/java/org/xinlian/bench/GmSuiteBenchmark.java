package org.xinlian.bench;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
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
 * The gm suite's hot operations through the public API only: SM3, SM2 sign / verify /
 * recoverSigner (what a transaction pool does per gm transaction) and SM4-GCM of 1 KiB.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class GmSuiteBenchmark {
  private CryptoSuite suite;
  private byte[] data32;
  private byte[] data1024;
  private KeyPair pair;
  private byte[] digest;
  private Signature signature;
  private byte[] key;
  private byte[] nonce;

  @Setup
  public void setUp() {
    suite = CryptoSuites.gm();
    data32 = new byte[32];
    Arrays.fill(data32, (byte) 0x5a);
    data1024 = new byte[1024];
    Arrays.fill(data1024, (byte) 0xa5);
    pair = suite.keyPairFromPrivateKey(suite.hash("benchmark key".getBytes(StandardCharsets.US_ASCII)));
    digest = suite.hash("benchmark message".getBytes(StandardCharsets.US_ASCII));
    signature = suite.sign(pair.privateKey(), digest);
    key = Arrays.copyOf(suite.hash(data32), suite.symmetricKeyLength());
    nonce = new byte[CryptoSuite.NONCE_LENGTH];
  }

  @Benchmark
  public byte[] sm3Of32Bytes() {
    return suite.hash(data32);
  }

  @Benchmark
  public byte[] sm3Of1024Bytes() {
    return suite.hash(data1024);
  }

  @Benchmark
  public Signature sm2Sign() {
    return suite.sign(pair.privateKey(), digest);
  }

  @Benchmark
  public boolean sm2Verify() {
    return suite.verify(pair.publicKey(), digest, signature);
  }

  @Benchmark
  public PublicKey sm2RecoverSigner() {
    return suite.recoverSigner(digest, signature);
  }

  @Benchmark
  public byte[] sm4GcmEncrypt1KiB() {
    return suite.encrypt(key, nonce, data1024, null);
  }
}
