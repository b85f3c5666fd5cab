package org.xinlian.ledger.proof;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.xinlian.common.Address;
import org.xinlian.common.DecodingException;
import org.xinlian.common.Hash;
import org.xinlian.common.Hex;
import org.xinlian.evm.word.UInt256;

/**
 * The JSON of {@code eth_getProof} exactly as geth writes it (STATE-15): lower-case hex, quantities
 * without leading zeros ({@code "0x0"}), node encodings and hashes {@code 0x}-prefixed, fields in
 * geth's order. Parsing accepts only that shape, within fixed bounds, and rejects anything else
 * with a {@link DecodingException} naming the field.
 */
public final class ProofJson {
  /** Largest JSON answer parsed: 1,024 slots of 129 nodes of 1 KiB would not fit, nor should it. */
  public static final int JSON_INPUT_BYTES_MAX = 8 * 1024 * 1024;
  /** Nodes on one secure-trie path: two per nibble of a 32-byte key, and the leaf. */
  public static final int PROOF_NODES_MAX = 2 * 2 * Hash.LENGTH + 1;
  /** Largest node encoding: a full branch of 16 hashes is 532 bytes. */
  public static final int NODE_BYTES_MAX = 1024;
  /** Deepest JSON nesting in an answer (object, list, object, list). */
  public static final int JSON_NESTING_DEPTH_MAX = 8;

  private static final int QUANTITY_DIGITS_MAX = 2 * UInt256.BYTES;
  private static final int NONCE_DIGITS_MAX = 2 * Long.BYTES;
  private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
      .streamReadConstraints(StreamReadConstraints.builder()
          .maxNestingDepth(JSON_NESTING_DEPTH_MAX)
          .maxStringLength(JSON_INPUT_BYTES_MAX)
          .build())
      .build());

  private ProofJson() {}

  public static String toJson(AccountProof proof) {
    ObjectNode root = JSON.createObjectNode();
    root.put("address", Hex.encode(proof.address().toArray()));
    root.set("accountProof", nodes(proof.accountProof()));
    root.put("balance", proof.balance().toHexString());
    root.put("codeHash", Hex.encode(proof.codeHash().toArray()));
    root.put("nonce", "0x" + Long.toUnsignedString(proof.nonce(), 16));
    root.put("storageHash", Hex.encode(proof.storageHash().toArray()));
    ArrayNode slots = root.putArray("storageProof");
    for (StorageProof slot : proof.storageProof()) {
      ObjectNode entry = slots.addObject();
      entry.put("key", Hex.encode(slot.key().toBytes()));
      entry.put("value", slot.value().toHexString());
      entry.set("proof", nodes(slot.proof()));
    }
    return root.toString();
  }

  /** Parses a JSON answer (the {@code result} of the RPC response). */
  public static AccountProof parse(String json) {
    if (json == null) {
      throw new DecodingException("proof", "missing JSON");
    }
    return parse(json.getBytes(StandardCharsets.UTF_8));
  }

  public static AccountProof parse(byte[] json) {
    if (json == null) {
      throw new DecodingException("proof", "missing JSON");
    }
    if (json.length > JSON_INPUT_BYTES_MAX) {
      throw new DecodingException("proof", json.length + " bytes of JSON exceed " + JSON_INPUT_BYTES_MAX);
    }
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (JacksonException e) {
      throw new DecodingException("proof", "malformed JSON: " + e.getOriginalMessage());
    } catch (java.io.IOException e) {
      throw new DecodingException("proof", "unreadable JSON: " + e.getMessage());
    }
    if (root == null || !root.isObject()) {
      throw new DecodingException("proof", "expected a JSON object");
    }
    Address address = Address.wrap(fixedHex(root, "address", Address.LENGTH));
    List<byte[]> accountProof = nodeList(root, "accountProof");
    UInt256 balance = UInt256.fromBigInteger(quantity(root, "balance", QUANTITY_DIGITS_MAX));
    Hash codeHash = Hash.wrap(fixedHex(root, "codeHash", Hash.LENGTH));
    long nonce = quantity(root, "nonce", NONCE_DIGITS_MAX).longValue();
    Hash storageHash = Hash.wrap(fixedHex(root, "storageHash", Hash.LENGTH));
    JsonNode slots = array(root, "storageProof", AccountProofVerifier.STORAGE_PROOFS_MAX);
    List<StorageProof> storageProof = new ArrayList<>(slots.size());
    for (int index = 0; index < slots.size(); index++) {
      String field = "storageProof[" + index + "]";
      JsonNode slot = slots.get(index);
      if (!slot.isObject()) {
        throw new DecodingException(field, "expected an object");
      }
      UInt256 key = UInt256.fromBigInteger(storageKey(text(slot, "key", field + ".key"), field + ".key"));
      UInt256 value = UInt256.fromBigInteger(quantity(slot, "value", field + ".value", QUANTITY_DIGITS_MAX));
      storageProof.add(new StorageProof(key, value, nodeList(slot, "proof", field + ".proof")));
    }
    return new AccountProof(address, accountProof, balance, codeHash, nonce, storageHash, storageProof);
  }

  private static ArrayNode nodes(List<byte[]> encodings) {
    ArrayNode array = JSON.createArrayNode();
    for (byte[] encoded : encodings) {
      array.add(Hex.encode(encoded));
    }
    return array;
  }

  private static String text(JsonNode parent, String name, String field) {
    JsonNode node = parent.get(name);
    if (node == null || node.isNull()) {
      throw new DecodingException(field, "missing");
    }
    if (!node.isTextual()) {
      throw new DecodingException(field, "expected a hex string");
    }
    String value = node.asText();
    if (!value.startsWith("0x")) {
      throw new DecodingException(field, "expected 0x-prefixed hex");
    }
    return value;
  }

  private static JsonNode array(JsonNode parent, String field, int sizeMax) {
    JsonNode node = parent.get(field.substring(field.lastIndexOf('.') + 1));
    if (node == null || !node.isArray()) {
      throw new DecodingException(field, "expected a list");
    }
    if (node.size() > sizeMax) {
      throw new DecodingException(field, node.size() + " entries exceed " + sizeMax);
    }
    return node;
  }

  private static byte[] fixedHex(JsonNode parent, String field, int length) {
    String hex = text(parent, field, field);
    if (hex.length() != 2 + 2 * length) {
      throw new DecodingException(field, "expected " + length + " bytes of hex");
    }
    return Hex.decode(field, hex);
  }

  private static List<byte[]> nodeList(JsonNode parent, String field) {
    return nodeList(parent, field, field);
  }

  private static List<byte[]> nodeList(JsonNode parent, String name, String field) {
    JsonNode node = parent.get(name);
    if (node == null || !node.isArray()) {
      throw new DecodingException(field, "expected a list of node encodings");
    }
    if (node.size() > PROOF_NODES_MAX) {
      throw new DecodingException(field, node.size() + " nodes exceed " + PROOF_NODES_MAX);
    }
    List<byte[]> nodes = new ArrayList<>(node.size());
    for (int index = 0; index < node.size(); index++) {
      String itemField = field + "[" + index + "]";
      JsonNode item = node.get(index);
      if (!item.isTextual() || !item.asText().startsWith("0x")) {
        throw new DecodingException(itemField, "expected 0x-prefixed hex");
      }
      if (item.asText().length() > 2 + 2 * NODE_BYTES_MAX) {
        throw new DecodingException(itemField, "a node encoding exceeds " + NODE_BYTES_MAX + " bytes");
      }
      byte[] encoded = Hex.decode(itemField, item.asText());
      if (encoded.length == 0) {
        throw new DecodingException(itemField, "empty node encoding");
      }
      nodes.add(encoded);
    }
    return nodes;
  }

  private static BigInteger quantity(JsonNode parent, String field, int digitsMax) {
    return quantity(parent, field, field, digitsMax);
  }

  /** A JSON-RPC quantity: {@code 0x} and hex digits, no leading zero except {@code 0x0}. */
  private static BigInteger quantity(JsonNode parent, String name, String field, int digitsMax) {
    String hex = text(parent, name, field);
    String digits = hex.substring(2);
    if (digits.isEmpty()) {
      throw new DecodingException(field, "a quantity has at least one digit");
    }
    if (digits.length() > 1 && digits.charAt(0) == '0') {
      throw new DecodingException(field, "a quantity has no leading zeros");
    }
    if (digits.length() > digitsMax) {
      throw new DecodingException(field, "more than " + digitsMax + " hex digits");
    }
    return hexNumber(digits, field);
  }

  /** A slot key: a 32-byte hex word, or a quantity as older clients send it. */
  private static BigInteger storageKey(String hex, String field) {
    String digits = hex.substring(2);
    if (digits.isEmpty() || digits.length() > QUANTITY_DIGITS_MAX) {
      throw new DecodingException(field, "expected 1 to 64 hex digits");
    }
    return hexNumber(digits, field);
  }

  private static BigInteger hexNumber(String digits, String field) {
    for (int index = 0; index < digits.length(); index++) {
      if (Character.digit(digits.charAt(index), 16) < 0) {
        throw new DecodingException(field, "invalid hex digit '" + digits.charAt(index) + "'");
      }
    }
    return new BigInteger(digits, 16);
  }
}
