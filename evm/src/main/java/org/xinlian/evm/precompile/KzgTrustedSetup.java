package org.xinlian.evm.precompile;

import ethereum.ckzg4844.CKZG4844JNI;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * c-kzg-4844 (through jc-kzg-4844) with the mainnet trusted setup of the KZG ceremony, loaded
 * once per process on first use (docs/adr/0010). The library keeps one setup in native memory
 * for the whole process; the JVM's lazy holder initialisation makes that one load thread-safe.
 * If the native library or the setup cannot load, the first call throws an {@link Error}: a node
 * that cannot evaluate this precompile must stop, not call valid proofs invalid.
 */
final class KzgTrustedSetup {
  /** The setup as c-kzg-4844 ships it (trusted_setup.txt): 4096 G1 Lagrange, 65 G2, 4096 G1 monomial points. */
  static final String RESOURCE = "kzg-trusted-setup-mainnet.txt";
  /** SHA-256 of c-kzg-4844's trusted_setup.txt, the mainnet ceremony output. */
  static final String RESOURCE_SHA256 = "d39b9f2d047cc9dca2de58f264b6a09448ccd34db967881a6713eacacf0f26b7";
  /** No precomputed multi-scalar tables: verify_kzg_proof is two pairings and uses none. */
  private static final long PRECOMPUTE = 0;

  private KzgTrustedSetup() {}

  /** Initialised by the JVM exactly once, on the first {@link #verifyKzgProof} of the process. */
  private static final class Loaded {
    static final boolean LOADED = load();
  }

  /**
   * EIP-4844's verify_kzg_proof: whether {@code proof} shows that the polynomial committed to by
   * {@code commitment} takes the value {@code y} at {@code z}.
   *
   * @throws ethereum.ckzg4844.CKZGException when the commitment or proof is not a valid
   *     compressed G1 point of the subgroup, or z or y is not a canonical field element
   */
  static boolean verifyKzgProof(byte[] commitment, byte[] z, byte[] y, byte[] proof) {
    if (!Loaded.LOADED) {
      throw new IllegalStateException("the KZG trusted setup is not loaded");
    }
    return CKZG4844JNI.verifyKzgProof(commitment, z, y, proof);
  }

  /** The bundled setup, after checking it is byte for byte the mainnet one. */
  static byte[] resourceBytes() {
    byte[] setup;
    try (InputStream in = KzgTrustedSetup.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("the KZG trusted setup resource " + RESOURCE + " is missing");
      }
      setup = in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("reading the KZG trusted setup " + RESOURCE, e);
    }
    String digest = HexFormat.of().formatHex(sha256(setup));
    if (!digest.equals(RESOURCE_SHA256)) {
      throw new IllegalStateException("the KZG trusted setup " + RESOURCE + " has SHA-256 " + digest
          + ", not the mainnet setup's " + RESOURCE_SHA256);
    }
    return setup;
  }

  private static boolean load() {
    byte[] setup = resourceBytes();
    CKZG4844JNI.loadNativeLibrary();
    // The binding loads a setup from a file path only; the file lives for the call.
    try {
      Path file = Files.createTempFile("xinlian-kzg-trusted-setup", ".txt");
      try {
        Files.write(file, setup);
        CKZG4844JNI.loadTrustedSetup(file.toString(), PRECOMPUTE);
      } finally {
        Files.deleteIfExists(file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("writing the KZG trusted setup for c-kzg-4844", e);
    }
    return true;
  }

  private static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java 17 runtime provides SHA-256", e);
    }
  }
}
