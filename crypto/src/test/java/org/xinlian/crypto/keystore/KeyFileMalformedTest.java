package org.xinlian.crypto.keystore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.Consumer;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.xinlian.common.DecodingException;
import org.xinlian.crypto.AuthenticationFailedException;

/**
 * KEYSTORE-GM-9: every malformed or out-of-bounds file is a {@link DecodingException} naming the
 * field, raised before any key derivation (so none of these cases costs an scrypt run).
 */
class KeyFileMalformedTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final char[] PASSWORD = "testpassword".toCharArray();

  private static ObjectNode base(String json) {
    try {
      return (ObjectNode) MAPPER.readTree(json);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static ObjectNode standard() {
    return base(KeyFileKnownAnswerTest.SPEC_SCRYPT);
  }

  private static ObjectNode crypto(ObjectNode root) {
    return (ObjectNode) root.get("crypto");
  }

  private static ObjectNode kdf(ObjectNode root) {
    return (ObjectNode) crypto(root).get("kdfparams");
  }

  private static Arguments mutation(String field, Consumer<ObjectNode> change) {
    return Arguments.of(field, change);
  }

  static Stream<Arguments> mutations() {
    return Stream.of(
        mutation("version", root -> root.put("version", 2)),
        mutation("version", root -> root.put("version", "3")),
        mutation("version", root -> root.remove("version")),
        mutation("id", root -> root.remove("id")),
        mutation("id", root -> root.put("id", "not-a-uuid")),
        mutation("suite", root -> root.put("suite", "sm9")),
        mutation("suite", root -> root.put("suite", 1)),
        mutation("address", root -> root.put("address", "zz")),
        mutation("address", root -> root.put("address", "008aeeda4d805471df9b2a5b0f38a0c3bcba78")),
        mutation("address", root -> root.put("address", 5)),
        mutation("crypto", root -> root.remove("crypto")),
        mutation("crypto", root -> root.put("crypto", "aes")),
        mutation("crypto.cipher", root -> crypto(root).put("cipher", "aes-128-cbc")),
        mutation("crypto.cipher", root -> crypto(root).remove("cipher")),
        mutation("crypto.cipherparams", root -> crypto(root).remove("cipherparams")),
        mutation("crypto.cipherparams.iv", root -> crypto(root).putObject("cipherparams").put("iv", "zz")),
        mutation("crypto.cipherparams.iv", root -> crypto(root).putObject("cipherparams").put("iv", "00ff")),
        mutation("crypto.ciphertext", root -> crypto(root).put("ciphertext", "abc")),
        mutation("crypto.ciphertext", root -> crypto(root).put("ciphertext", "00".repeat(31))),
        mutation("crypto.mac", root -> crypto(root).remove("mac")),
        mutation("crypto.mac", root -> crypto(root).put("mac", "00".repeat(33))),
        mutation("crypto.kdf", root -> crypto(root).put("kdf", "argon2id")),
        mutation("crypto.kdfparams", root -> crypto(root).remove("kdfparams")),
        mutation("crypto.kdfparams.n", root -> kdf(root).put("n", 1000)),
        mutation("crypto.kdfparams.n", root -> kdf(root).put("n", 1 << 21)),
        mutation("crypto.kdfparams.n", root -> kdf(root).put("n", 1)),
        mutation("crypto.kdfparams.n", root -> kdf(root).put("n", -1024)),
        mutation("crypto.kdfparams.n", root -> kdf(root).put("n", 1024.5)),
        mutation("crypto.kdfparams.n", root -> kdf(root).put("n", "1024")),
        mutation("crypto.kdfparams.n", root -> kdf(root).put("n", 1L << 40)),
        mutation("crypto.kdfparams.n", root -> kdf(root).remove("n")),
        mutation("crypto.kdfparams.r", root -> kdf(root).put("r", 0)),
        mutation("crypto.kdfparams.r", root -> kdf(root).put("r", 33)),
        mutation("crypto.kdfparams.p", root -> kdf(root).put("p", 17)),
        mutation("crypto.kdfparams", root -> kdf(root).put("n", 1 << 20).put("r", 8).put("p", 1)),
        mutation("crypto.kdfparams", root -> kdf(root).put("n", 1 << 18).put("r", 8).put("p", 8)),
        mutation("crypto.kdfparams.dklen", root -> kdf(root).put("dklen", 16)),
        mutation("crypto.kdfparams.dklen", root -> kdf(root).put("dklen", 65)),
        mutation("crypto.kdfparams.salt", root -> kdf(root).put("salt", "")),
        mutation("crypto.kdfparams.salt", root -> kdf(root).put("salt", "abc")),
        mutation("crypto.kdfparams.salt", root -> kdf(root).put("salt", "00".repeat(129))),
        mutation("crypto.kdfparams.salt", root -> kdf(root).remove("salt")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("mutations")
  void rejectsNamingTheField(String field, Consumer<ObjectNode> change) throws Exception {
    ObjectNode root = standard();
    change.accept(root);
    String json = MAPPER.writeValueAsString(root);
    assertEquals(field, assertThrows(DecodingException.class, () -> KeyFile.read(json)).field());
    assertEquals(
        field, assertThrows(DecodingException.class, () -> KeyFile.decrypt(json, PASSWORD)).field());
  }

  static Stream<Arguments> pbkdf2Mutations() {
    return Stream.of(
        mutation("crypto.kdfparams.prf", root -> kdf(root).put("prf", "hmac-sha512")),
        mutation("crypto.kdfparams.prf", root -> kdf(root).remove("prf")),
        mutation("crypto.kdfparams.c", root -> kdf(root).put("c", 0)),
        mutation("crypto.kdfparams.c", root -> kdf(root).put("c", (1 << 22) + 1)),
        mutation("crypto.kdfparams.c", root -> kdf(root).remove("c")),
        // KEYSTORE-GM-3: gm files use scrypt only.
        mutation(
            "crypto.kdf",
            root -> {
              root.put("suite", "gm");
              crypto(root).put("cipher", "sm4-ctr");
            }));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("pbkdf2Mutations")
  void rejectsPbkdf2FilesNamingTheField(String field, Consumer<ObjectNode> change) throws Exception {
    ObjectNode root = base(KeyFileKnownAnswerTest.SPEC_PBKDF2);
    change.accept(root);
    String json = MAPPER.writeValueAsString(root);
    assertEquals(field, assertThrows(DecodingException.class, () -> KeyFile.read(json)).field());
  }

  @Test
  void rejectsWhatIsNotAKeyFileObject() {
    for (String json :
        new String[] {
          "", "not json", "[]", "3", "null", "{\"version\":3", "{\"version\":3}{}",
          "{\"version\":3,\"version\":3}", "{\"a\":" + "[".repeat(100) + "]".repeat(100) + "}",
          "{\"pad\":\"" + "x".repeat(KeyFileJson.KEY_FILE_CHARS_MAX) + "\"}"
        }) {
      DecodingException e = assertThrows(DecodingException.class, () -> KeyFile.read(json), json);
      assertEquals("keyFile", e.field(), json);
    }
    assertEquals("keyFile", assertThrows(DecodingException.class, () -> KeyFile.read(null)).field());
  }

  @Test
  void parametersForEncryptionAreBoundedToo() {
    assertEquals(
        "scryptParameters.n",
        assertThrows(DecodingException.class, () -> new KeyFileParameters(1000, 8, 1)).field());
    assertEquals(
        "scryptParameters",
        assertThrows(DecodingException.class, () -> new KeyFileParameters(1 << 20, 8, 1)).field());
  }

  /**
   * Whatever is cut or replaced in a valid file, reading raises only a DecodingException, and
   * decrypting only that or the wrong-password AuthenticationFailedException.
   */
  @Property(tries = 400)
  void corruptedFilesOnlyRaiseDecodingOrAuthenticationErrors(
      @ForAll @IntRange(min = 0, max = 100_000) int position,
      @ForAll @IntRange(min = 0, max = 100_000) int cut,
      @ForAll char replacement) {
    String valid = KeyFileKnownAnswerTest.SPEC_GM;
    int at = position % valid.length();
    String corrupted =
        valid.substring(0, at) + replacement + valid.substring(Math.min(valid.length(), at + 1 + cut % 8));
    try {
      KeyFile.read(corrupted);
    } catch (DecodingException expected) {
      // the only acceptable failure; anything else propagates and fails the property
    }
    try {
      KeyFile.decrypt(corrupted, PASSWORD);
    } catch (DecodingException | AuthenticationFailedException expected) {
      // the only acceptable failures
    }
  }
}
