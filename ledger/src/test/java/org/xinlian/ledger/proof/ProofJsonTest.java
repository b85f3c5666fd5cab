package org.xinlian.ledger.proof;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.xinlian.common.DecodingException;

/** STATE-15: the JSON parser rejects everything but a bounded geth answer, with DecodingException. */
class ProofJsonTest {
  private static final String HASH = "\"0x" + "11".repeat(32) + "\"";
  private static final String VALID_PREFIX = "{\"address\":\"0x" + "aa".repeat(20) + "\",";

  private static String answer(String accountProof, String balance, String nonce, String storageProof) {
    return VALID_PREFIX + "\"accountProof\":" + accountProof + ",\"balance\":" + balance
        + ",\"codeHash\":" + HASH + ",\"nonce\":" + nonce + ",\"storageHash\":" + HASH
        + ",\"storageProof\":" + storageProof + "}";
  }

  @Test
  void wellFormedAnswerParses() {
    ProofJson.parse(answer("[\"0xc0\"]", "\"0x0\"", "\"0x1\"",
        "[{\"key\":\"0x1\",\"value\":\"0x2\",\"proof\":[]}]"));
  }

  @Test
  void garbageIsRejectedWithDecodingException() {
    String slot = "{\"key\":\"0x1\",\"value\":\"0x0\",\"proof\":[]}";
    List<String> garbage = List.of(
        "", "{", "[]", "null", "42", "\"text\"", "{}",
        "{\"address\":1}",
        answer("[\"0xc0\"]", "\"0x01\"", "\"0x1\"", "[]"),
        answer("[\"0xc0\"]", "\"0x\"", "\"0x1\"", "[]"),
        answer("[\"0xc0\"]", "\"12\"", "\"0x1\"", "[]"),
        answer("[\"0xc0\"]", "\"0x" + "f".repeat(65) + "\"", "\"0x1\"", "[]"),
        answer("[\"0xc0\"]", "\"0x0\"", "\"0x1ffffffffffffffff\"", "[]"),
        answer("[\"0xzz\"]", "\"0x0\"", "\"0x1\"", "[]"),
        answer("[\"0x\"]", "\"0x0\"", "\"0x1\"", "[]"),
        answer("[\"0xc\"]", "\"0x0\"", "\"0x1\"", "[]"),
        answer("[1]", "\"0x0\"", "\"0x1\"", "[]"),
        answer("\"0xc0\"", "\"0x0\"", "\"0x1\"", "[]"),
        answer("[\"0x" + "00".repeat(ProofJson.NODE_BYTES_MAX + 1) + "\"]", "\"0x0\"", "\"0x1\"", "[]"),
        answer(nodes(ProofJson.PROOF_NODES_MAX + 1), "\"0x0\"", "\"0x1\"", "[]"),
        answer("[]", "\"0x0\"", "\"0x1\"", "[" + String.join(",",
            Collections.nCopies(AccountProofVerifier.STORAGE_PROOFS_MAX + 1, slot)) + "]"),
        answer("[]", "\"0x0\"", "\"0x1\"", "[{\"key\":\"0x" + "1".repeat(65) + "\",\"value\":\"0x0\",\"proof\":[]}]"),
        answer("[]", "\"0x0\"", "\"0x1\"", "[{\"value\":\"0x0\",\"proof\":[]}]"),
        answer("[]", "\"0x0\"", "\"0x1\"", "[7]"),
        answer("[]", "\"0x0\"", "\"0x1\"", "[[[[[[[[[[]]]]]]]]]]"),
        VALID_PREFIX.replace("aa", "a") + "}");
    for (String json : garbage) {
      assertThrows(DecodingException.class, () -> ProofJson.parse(json), json.length() > 200 ? json.substring(0, 200) : json);
    }
    assertThrows(DecodingException.class, () -> ProofJson.parse(new byte[ProofJson.JSON_INPUT_BYTES_MAX + 1]));
    assertThrows(DecodingException.class, () -> ProofJson.parse((String) null));
  }

  @Property(tries = 500)
  void randomBytesFailOnlyWithDecodingException(@ForAll byte[] bytes) {
    try {
      ProofJson.parse(bytes);
    } catch (DecodingException expected) {
      return;
    }
  }

  @Property(tries = 300)
  void randomTextInsideTheShapeFailsOnlyWithDecodingException(@ForAll String balance, @ForAll String node) {
    String json = answer("[\"" + node.replace("\"", "") + "\"]", "\"" + balance.replace("\"", "") + "\"", "\"0x1\"", "[]");
    try {
      ProofJson.parse(json.getBytes(StandardCharsets.UTF_8));
    } catch (DecodingException expected) {
      return;
    }
  }

  private static String nodes(int count) {
    return "[" + String.join(",", Collections.nCopies(count, "\"0xc0\"")) + "]";
  }
}
