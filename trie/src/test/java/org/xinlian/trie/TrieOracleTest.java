package org.xinlian.trie;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.xinlian.common.Hash;
import org.xinlian.common.Hex;

/**
 * ethereum/tests TrieTests: every expected root was computed by the Ethereum clients, not by this
 * code (docs/spec/trie.md TRIE-1, TRIE-3, TRIE-4, TRIE-7, TRIE-8, TRIE-10). Each case is also
 * committed, reloaded from the store and proven key by key, so the oracle checks the whole life
 * cycle.
 */
class TrieOracleTest {
  private static final TrieHashFunction KECCAK = TrieHashFunction.keccak256();

  @ParameterizedTest
  @CsvSource({
    "trietest.json, false",
    "trieanyorder.json, false",
    "trietest_secureTrie.json, true",
    "trieanyorder_secureTrie.json, true",
    "hex_encoded_securetrie_test.json, true"
  })
  void rootsEqualEthereums(String fileName, boolean secure) {
    JsonNode root = Oracles.readJson(Oracles.require("ethereum-tests/TrieTests/" + fileName));
    List<String> failures = new ArrayList<>();
    int run = 0;
    for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> testCase = it.next();
      run++;
      List<byte[][]> operations = operations(testCase.getValue().get("in"));
      Hash expected = Hash.fromHex(testCase.getValue().get("root").asText());
      String failure = check(operations, expected, secure);
      if (failure != null) {
        failures.add(testCase.getKey() + ": " + failure);
      }
    }
    System.out.printf(
        "TrieTests %s: %d cases, %d roots right%n", fileName, run, run - failures.size());
    assertEquals(List.of(), failures);
    assertEquals(root.size(), run);
  }

  /** TRIE-7: the next and previous keys of trietestnextprev.json. */
  @Test
  void nextAndPreviousKeys() {
    JsonNode root =
        Oracles.readJson(Oracles.require("ethereum-tests/TrieTests/trietestnextprev.json"));
    List<String> failures = new ArrayList<>();
    int cases = 0;
    int lookups = 0;
    for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> testCase = it.next();
      cases++;
      MerklePatriciaTrie trie = MerklePatriciaTrie.empty(new InMemoryNodeStore(), KECCAK);
      for (JsonNode key : testCase.getValue().get("in")) {
        trie.put(bytes(key), bytes(key));
      }
      // Navigation must also work across lazily loaded nodes.
      MerklePatriciaTrie reloaded = MerklePatriciaTrie.load(trie.commit(), trie.store(), KECCAK);
      for (JsonNode lookup : testCase.getValue().get("tests")) {
        lookups++;
        byte[] key = bytes(lookup.get(0));
        String previous = text(reloaded.previousKey(key));
        String next = text(reloaded.nextKey(key));
        if (!previous.equals(lookup.get(1).asText()) || !next.equals(lookup.get(2).asText())) {
          failures.add(
              testCase.getKey() + " " + lookup + ": got [" + previous + ", " + next + "]");
        }
      }
    }
    System.out.printf(
        "TrieTests trietestnextprev.json: %d cases, %d lookups, %d right%n",
        cases, lookups, lookups - failures.size());
    assertEquals(List.of(), failures);
    assertEquals(root.size(), cases);
  }

  private static String check(List<byte[][]> operations, Hash expected, boolean secure) {
    NodeStore store = new InMemoryNodeStore();
    MerklePatriciaTrie plain = MerklePatriciaTrie.empty(store, KECCAK);
    Map<String, byte[]> finalContent = new LinkedHashMap<>();
    for (byte[][] operation : operations) {
      byte[] key = secure ? KECCAK.hash(operation[0]) : operation[0];
      byte[] value = operation[1] == null ? new byte[0] : operation[1];
      plain.put(key, value);
      if (value.length == 0) {
        finalContent.remove(Hex.encode(key));
      } else {
        finalContent.put(Hex.encode(key), value);
      }
    }
    if (!plain.rootHash().equals(expected)) {
      return "root " + plain.rootHash();
    }
    if (secure) {
      SecureTrie secureTrie = SecureTrie.empty(new InMemoryNodeStore(), KECCAK);
      for (byte[][] operation : operations) {
        secureTrie.put(operation[0], operation[1] == null ? new byte[0] : operation[1]);
      }
      if (!secureTrie.rootHash().equals(expected)) {
        return "SecureTrie root " + secureTrie.rootHash();
      }
    }
    Hash committed = plain.commit();
    MerklePatriciaTrie reloaded = MerklePatriciaTrie.load(committed, store, KECCAK);
    for (Map.Entry<String, byte[]> entry : finalContent.entrySet()) {
      byte[] key = Hex.decode(entry.getKey());
      if (!Hex.encode(reloaded.get(key).orElse(new byte[0])).equals(Hex.encode(entry.getValue()))) {
        return "reloaded value of " + entry.getKey();
      }
      Optional<byte[]> proven =
          MerklePatriciaTrie.verifyProof(committed, key, reloaded.proof(key), KECCAK);
      if (!Hex.encode(proven.orElse(new byte[0])).equals(Hex.encode(entry.getValue()))) {
        return "proof of " + entry.getKey();
      }
    }
    return null;
  }

  /** The "in" of a case: a list of [key, value-or-null] pairs, or an object key -> value. */
  private static List<byte[][]> operations(JsonNode in) {
    List<byte[][]> operations = new ArrayList<>();
    if (in.isArray()) {
      for (JsonNode pair : in) {
        operations.add(new byte[][] {bytes(pair.get(0)), pair.get(1).isNull() ? null : bytes(pair.get(1))});
      }
    } else {
      for (Iterator<Map.Entry<String, JsonNode>> it = in.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> entry = it.next();
        operations.add(new byte[][] {bytes(entry.getKey()), bytes(entry.getValue())});
      }
    }
    return operations;
  }

  private static byte[] bytes(JsonNode node) {
    return bytes(node.asText());
  }

  /** The vectors' convention: 0x-prefixed strings are hex, all others are UTF-8 text. */
  private static byte[] bytes(String text) {
    return text.startsWith("0x") ? Hex.decode(text) : text.getBytes(StandardCharsets.UTF_8);
  }

  private static String text(Optional<byte[]> key) {
    return key.map(k -> new String(k, StandardCharsets.UTF_8)).orElse("");
  }
}
