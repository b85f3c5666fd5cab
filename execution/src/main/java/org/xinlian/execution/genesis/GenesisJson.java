package org.xinlian.execution.genesis;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.xinlian.execution.governance.GovernanceGenesis;
import java.util.Set;
import java.util.regex.Pattern;
import org.xinlian.common.Address;
import org.xinlian.common.DecodingException;
import org.xinlian.common.Hex;
import org.xinlian.evm.transaction.FeeMode;
import org.xinlian.evm.word.UInt256;

/** The strict reader behind {@link GenesisConfig#parse}: a tree walk so every error has a path. */
final class GenesisJson {
  private static final Set<String> TOP_FIELDS = Set.of("chainId", "suite", "timestamp", "extraData",
      "blockGasLimit", "blockIntervalMs", "feeMode", "baseFeePerGas", "validators", "alloc", "governance",
      "features");
  private static final Set<String> ACCOUNT_FIELDS = Set.of("balance", "nonce", "code", "storage");
  private static final Pattern DECIMAL = Pattern.compile("0|[1-9][0-9]{0,77}");
  private static final Pattern HEX_QUANTITY = Pattern.compile("0x[0-9a-fA-F]{1,64}");
  /** Nesting in a valid file is four levels; a bound keeps a hostile file from deep recursion. */
  private static final int NESTING_DEPTH_MAX = 16;
  private static final long DEFAULT_BLOCK_INTERVAL_MS = 1_000;

  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
      .disable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .build();

  static {
    MAPPER.getFactory().setStreamReadConstraints(
        StreamReadConstraints.builder().maxNestingDepth(NESTING_DEPTH_MAX).build());
  }

  private GenesisJson() {}

  static GenesisConfig parse(byte[] json) {
    JsonNode root;
    try {
      root = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new DecodingException("genesis", "not valid JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new DecodingException("genesis", "not readable: " + e.getMessage());
    }
    if (root == null || !root.isObject()) {
      throw new DecodingException("genesis", "must be a JSON object");
    }
    refuseUnknown(root, TOP_FIELDS, "");
    long chainId = required(root, "chainId", "chainId", GenesisJson::quantity).longValueExact();
    String suite = required(root, "suite", "suite", GenesisJson::text);
    long timestamp = optionalLong(root, "timestamp", 0);
    byte[] extraData = root.has("extraData") ? bytes(root.get("extraData"), "extraData") : new byte[0];
    long blockGasLimit = required(root, "blockGasLimit", "blockGasLimit", GenesisJson::longQuantity);
    long blockIntervalMs = optionalLong(root, "blockIntervalMs", DEFAULT_BLOCK_INTERVAL_MS);
    FeeMode feeMode = required(root, "feeMode", "feeMode", GenesisJson::feeMode);
    UInt256 baseFee;
    if (feeMode == FeeMode.ETHEREUM) {
      baseFee = required(root, "baseFeePerGas", "baseFeePerGas", GenesisJson::word);
    } else {
      baseFee = root.has("baseFeePerGas") ? word(root.get("baseFeePerGas"), "baseFeePerGas") : UInt256.ZERO;
    }
    List<Address> validators = required(root, "validators", "validators", GenesisJson::validators);
    Map<Address, GenesisConfig.GenesisAccount> alloc =
        root.has("alloc") ? alloc(root.get("alloc")) : Map.of();
    if (chainId < 1) {
      throw new DecodingException("chainId", "must be at least 1");
    }
    Optional<GovernanceGenesis> governance = root.has("governance")
        ? Optional.of(GovernanceJson.parse(root.get("governance"))) : Optional.empty();
    return new GenesisConfig(chainId, suite, timestamp, extraData, blockGasLimit, blockIntervalMs,
        feeMode, baseFee, validators, alloc, governance, features(root));
  }

  /** The optional {@code features} object: name to activation height (OPS-80). */
  private static Map<String, Long> features(JsonNode root) {
    if (!root.has("features")) {
      return Map.of();
    }
    JsonNode node = root.get("features");
    if (!node.isObject()) {
      throw new DecodingException("features", "must be an object of feature name to activation height");
    }
    Map<String, Long> features = new java.util.TreeMap<>();
    Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      features.put(field.getKey(), longQuantity(field.getValue(), "features." + field.getKey()));
    }
    return features;
  }

  private interface FieldReader<T> {
    T read(JsonNode node, String field);
  }

  private static <T> T required(JsonNode object, String name, String field, FieldReader<T> reader) {
    JsonNode node = object.get(name);
    if (node == null || node.isNull()) {
      throw new DecodingException(field, "required");
    }
    return reader.read(node, field);
  }

  private static long optionalLong(JsonNode object, String name, long absent) {
    return object.has(name) ? longQuantity(object.get(name), name) : absent;
  }

  static void refuseUnknown(JsonNode object, Set<String> known, String prefix) {
    Iterator<String> names = object.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (!known.contains(name)) {
        throw new DecodingException(prefix + name, "unknown field (known: " + String.join(", ",
            known.stream().sorted().toList()) + ")");
      }
    }
  }

  private static String text(JsonNode node, String field) {
    if (!node.isTextual()) {
      throw new DecodingException(field, "must be a string");
    }
    return node.asText();
  }

  private static FeeMode feeMode(JsonNode node, String field) {
    return switch (text(node, field)) {
      case "ethereum" -> FeeMode.ETHEREUM;
      case "zero-price" -> FeeMode.ZERO_PRICE;
      default -> throw new DecodingException(field, "must be \"ethereum\" or \"zero-price\", got \""
          + node.asText() + "\"");
    };
  }

  /** A non-negative integer below 2^256: a JSON integer, a decimal string or a 0x hex string. */
  static BigInteger quantity(JsonNode node, String field) {
    BigInteger value;
    if (node.isIntegralNumber()) {
      value = node.bigIntegerValue();
    } else if (node.isTextual() && DECIMAL.matcher(node.asText()).matches()) {
      value = new BigInteger(node.asText());
    } else if (node.isTextual() && HEX_QUANTITY.matcher(node.asText()).matches()) {
      value = new BigInteger(node.asText().substring(2), 16);
    } else {
      throw new DecodingException(field, "not a decimal or 0x quantity");
    }
    if (value.signum() < 0 || value.bitLength() > 256) {
      throw new DecodingException(field, "must be from 0 to 2^256-1");
    }
    return value;
  }

  static long longQuantity(JsonNode node, String field) {
    BigInteger value = quantity(node, field);
    if (value.bitLength() > 63) {
      throw new DecodingException(field, "must be below 2^63");
    }
    return value.longValue();
  }

  private static UInt256 word(JsonNode node, String field) {
    return UInt256.fromBigInteger(quantity(node, field));
  }

  private static byte[] bytes(JsonNode node, String field) {
    String text = text(node, field);
    if (!text.startsWith("0x")) {
      throw new DecodingException(field, "must be 0x-prefixed hex");
    }
    return Hex.decode(field, text);
  }

  static Address address(String text, String field) {
    if (!text.startsWith("0x") || text.length() != 2 + 2 * Address.LENGTH) {
      throw new DecodingException(field, "not a 0x-prefixed 20-byte address");
    }
    return Address.wrap(Hex.decode(field, text));
  }

  private static List<Address> validators(JsonNode node, String field) {
    if (!node.isArray()) {
      throw new DecodingException(field, "must be an array of addresses");
    }
    List<Address> validators = new ArrayList<>(node.size());
    for (int i = 0; i < node.size(); i++) {
      validators.add(address(text(node.get(i), field + "." + i), field + "." + i));
    }
    return validators;
  }

  private static Map<Address, GenesisConfig.GenesisAccount> alloc(JsonNode node) {
    if (!node.isObject()) {
      throw new DecodingException("alloc", "must be an object from address to account");
    }
    Map<Address, GenesisConfig.GenesisAccount> accounts = new LinkedHashMap<>();
    Iterator<Map.Entry<String, JsonNode>> entries = node.fields();
    while (entries.hasNext()) {
      Map.Entry<String, JsonNode> entry = entries.next();
      String path = "alloc." + entry.getKey();
      Address address = address(entry.getKey(), path);
      if (accounts.containsKey(address)) {
        throw new DecodingException(path, "the same address is listed twice (in another letter case)");
      }
      accounts.put(address, account(entry.getValue(), path));
    }
    return accounts;
  }

  private static GenesisConfig.GenesisAccount account(JsonNode node, String path) {
    if (!node.isObject()) {
      throw new DecodingException(path, "must be an object with balance, nonce, code, storage");
    }
    refuseUnknown(node, ACCOUNT_FIELDS, path + ".");
    UInt256 balance = node.has("balance") ? word(node.get("balance"), path + ".balance") : UInt256.ZERO;
    long nonce = node.has("nonce") ? longQuantity(node.get("nonce"), path + ".nonce") : 0;
    byte[] code = node.has("code") ? bytes(node.get("code"), path + ".code") : new byte[0];
    Map<UInt256, UInt256> storage = new HashMap<>();
    if (node.has("storage")) {
      JsonNode slots = node.get("storage");
      if (!slots.isObject()) {
        throw new DecodingException(path + ".storage", "must be an object from slot to value");
      }
      Iterator<Map.Entry<String, JsonNode>> entries = slots.fields();
      while (entries.hasNext()) {
        Map.Entry<String, JsonNode> slot = entries.next();
        String slotPath = path + ".storage." + slot.getKey();
        UInt256 key = UInt256.fromBigInteger(quantity(new com.fasterxml.jackson.databind.node.TextNode(
            slot.getKey()), slotPath));
        UInt256 value = word(slot.getValue(), slotPath);
        if (storage.put(key, value) != null) {
          throw new DecodingException(slotPath, "the same slot is listed twice");
        }
        if (value.isZero()) {
          storage.remove(key);
        }
      }
    }
    return new GenesisConfig.GenesisAccount(balance, nonce, code, storage);
  }
}
