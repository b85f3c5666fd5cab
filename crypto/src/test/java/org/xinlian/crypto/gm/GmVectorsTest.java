package org.xinlian.crypto.gm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import org.bouncycastle.crypto.BlockCipher;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.signers.DSAKCalculator;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.xinlian.common.Hex;
import org.xinlian.crypto.KeyPair;
import org.xinlian.crypto.PrivateKey;
import org.xinlian.crypto.PublicKey;
import org.xinlian.crypto.internal.EcCurve;
import org.xinlian.crypto.internal.Sm2;

/**
 * Known answers of ../shared/oracles/gm/vectors.json: the examples of GB/T 32905 (SM3), GB/T 32907
 * (SM4) and GB/T 32918 (SM2 with the published fixed nonce k). Every entry of every section runs.
 */
class GmVectorsTest {
  private static final String FILE = "gm/vectors.json";
  private final GmSuite suite = new GmSuite();

  @Test
  @DisplayName("CRYPTO-11: SM3 examples of GB/T 32905")
  void sm3() {
    JsonNode cases = Oracles.read(FILE).get("sm3");
    int count = 0;
    for (JsonNode entry : cases) {
      byte[] message = entry.get("msg_ascii").asText().getBytes(StandardCharsets.US_ASCII);
      assertEquals(entry.get("digest").asText(), Hex.encodeBare(suite.hash(message)));
      count++;
    }
    report("sm3", count, cases.size());
  }

  @Test
  @DisplayName("CRYPTO-15: SM4 block examples of GB/T 32907, including 1,000,000 iterations")
  void sm4Block() {
    JsonNode cases = Oracles.read(FILE).get("sm4");
    int count = 0;
    for (JsonNode entry : cases) {
      BlockCipher cipher = Sm4Gcm.blockCipher();
      cipher.init(true, new KeyParameter(Hex.decode(entry.get("key").asText())));
      byte[] block = Hex.decode(entry.get("plaintext").asText());
      byte[] next = new byte[block.length];
      for (int i = 0; i < entry.get("iterations").asInt(); i++) {
        cipher.processBlock(block, 0, next, 0);
        byte[] swap = block;
        block = next;
        next = swap;
      }
      assertEquals(entry.get("ciphertext").asText(), Hex.encodeBare(block));
      count++;
    }
    report("sm4", count, cases.size());
  }

  @Test
  @DisplayName("CRYPTO-6: SM2 key pair example of GB/T 32918")
  void sm2KeyPair() {
    JsonNode cases = Oracles.read(FILE).get("sm2_keypair");
    int count = 0;
    for (JsonNode entry : cases) {
      KeyPair pair = suite.keyPairFromPrivateKey(Hex.decode(entry.get("private").asText()));
      PublicKey expected = suite.publicKeyFromBytes(Hex.decode(entry.get("public_uncompressed").asText()));
      assertEquals(expected, pair.publicKey());
      assertEquals(entry.get("public_uncompressed").asText().substring(2), Hex.encodeBare(pair.publicKey().bytes()));
      count++;
    }
    report("sm2_keypair", count, cases.size());
  }

  @Test
  @DisplayName("CRYPTO-12: SM2 signatures with the published fixed k, and their verification")
  void sm2Sign() {
    JsonNode cases = Oracles.read(FILE).get("sm2_sign");
    Sm2 sm2 = new Sm2();
    int count = 0;
    for (JsonNode entry : cases) {
      BigInteger d = new BigInteger(entry.get("private").asText(), 16);
      byte[] id = entry.get("id_ascii").asText().getBytes(StandardCharsets.US_ASCII);
      byte[] message = entry.get("msg_ascii").asText().getBytes(StandardCharsets.US_ASCII);
      BigInteger k = new BigInteger(entry.get("k").asText(), 16);
      BigInteger[] rs = sm2.sign(d, sm2.curve().publicPoint(d), id, message, new FixedNonce(k));
      assertEquals(entry.get("r").asText(), Hex.encodeBare(EcCurve.scalarBytes(rs[0])));
      assertEquals(entry.get("s").asText(), Hex.encodeBare(EcCurve.scalarBytes(rs[1])));
      BigInteger r = new BigInteger(entry.get("r").asText(), 16);
      BigInteger s = new BigInteger(entry.get("s").asText(), 16);
      assertTrue(sm2.verify(sm2.curve().publicPoint(d), id, message, r, s));
      assertTrue(!sm2.verify(sm2.curve().publicPoint(d), id, message, r, s.add(BigInteger.ONE)));
      count++;
    }
    report("sm2_sign", count, cases.size());
  }

  @Test
  @DisplayName("CRYPTO-17: SM2 encryption (C1 || C3 || C2) with the published fixed k, and decryption")
  void sm2Encrypt() {
    JsonNode root = Oracles.read(FILE);
    JsonNode cases = root.get("sm2_encrypt_c1c3c2");
    // The example encrypts to the key pair of the sm2_keypair section.
    JsonNode keyEntry = root.get("sm2_keypair").get(0);
    PrivateKey privateKey = suite.keyPairFromPrivateKey(Hex.decode(keyEntry.get("private").asText())).privateKey();
    Sm2Encryption encryption = new Sm2Encryption();
    int count = 0;
    for (JsonNode entry : cases) {
      PublicKey key = suite.publicKeyFromBytes(Hex.decode(entry.get("public_uncompressed").asText()));
      byte[] plaintext = entry.get("plaintext_ascii").asText().getBytes(StandardCharsets.US_ASCII);
      byte[] k = Hex.decode(entry.get("k").asText());
      byte[] ciphertext = encryption.encrypt(key, plaintext, new FixedRandom(k));
      assertEquals(entry.get("ciphertext").asText(), Hex.encodeBare(ciphertext));
      if (keyEntry.get("public_uncompressed").asText().equals(entry.get("public_uncompressed").asText())) {
        assertArrayEquals(plaintext, encryption.decrypt(privateKey, ciphertext));
      }
      count++;
    }
    report("sm2_encrypt_c1c3c2", count, cases.size());
  }

  private static void report(String section, int count, int expected) {
    System.out.println("gm/vectors.json " + section + ": " + count + " cases, " + count + " answers right");
    assertEquals(expected, count);
    assertTrue(count > 0, "no cases in section " + section);
  }

  /** The published example's nonce, once; a second request means r or s was zero, impossible here. */
  private static final class FixedNonce implements DSAKCalculator {
    private BigInteger k;

    FixedNonce(BigInteger k) {
      this.k = k;
    }

    @Override
    public boolean isDeterministic() {
      return true;
    }

    @Override
    public void init(BigInteger n, SecureRandom random) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void init(BigInteger n, BigInteger d, byte[] message) {}

    @Override
    public BigInteger nextK() {
      BigInteger out = k;
      if (out == null) {
        throw new AssertionError("the fixed nonce was rejected");
      }
      k = null;
      return out;
    }
  }

  /** Returns the example's k as BouncyCastle's SM2Engine draws its 32 random bytes. */
  private static final class FixedRandom extends SecureRandom {
    private static final long serialVersionUID = 1L;
    private final byte[] value;

    FixedRandom(byte[] value) {
      this.value = value.clone();
    }

    @Override
    public void nextBytes(byte[] bytes) {
      if (bytes.length != value.length) {
        throw new AssertionError("expected a request for " + value.length + " bytes, got " + bytes.length);
      }
      System.arraycopy(value, 0, bytes, 0, value.length);
    }
  }
}
