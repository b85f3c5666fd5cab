package org.xinlian.rpc.eth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.xinlian.common.Address;
import org.xinlian.common.Hash;
import org.xinlian.rpc.BlockTag;
import org.xinlian.rpc.RpcException;
import org.xinlian.rpc.RpcParams;
import org.xinlian.types.block.Log;

/**
 * The filter object of eth_getLogs, eth_newFilter and the logs subscription: a log matches when
 * its address is one of {@code addresses} (any when empty) and, for each position with a
 * non-empty list, its topic there is one of the list's (an OR-list; null or [] is a wildcard).
 * Matching looks addresses and topics up in sets, so 20,000 subscriptions with 1,000 addresses
 * each cost one lookup per log and subscription, not a thousand.
 */
final class LogFilter {
  private static final List<String> FIELDS =
      List.of("fromBlock", "toBlock", "blockHash", "address", "topics");

  private final BlockTag fromBlock;
  private final BlockTag toBlock;
  private final Optional<Hash> blockHash;
  private final List<Address> addresses;
  private final List<List<Hash>> topics;
  private final Set<Address> addressSet;
  private final List<Set<Hash>> topicSets;

  /** @param blockHash when present, the only block searched (fromBlock and toBlock are absent) */
  LogFilter(BlockTag fromBlock, BlockTag toBlock, Optional<Hash> blockHash,
      List<Address> addresses, List<List<Hash>> topics) {
    this.fromBlock = fromBlock;
    this.toBlock = toBlock;
    this.blockHash = blockHash;
    this.addresses = List.copyOf(addresses);
    this.topics = topics.stream().map(List::copyOf).toList();
    this.addressSet = Set.copyOf(addresses);
    this.topicSets = topics.stream().<Set<Hash>>map(Set::copyOf).toList();
  }

  BlockTag fromBlock() {
    return fromBlock;
  }

  BlockTag toBlock() {
    return toBlock;
  }

  Optional<Hash> blockHash() {
    return blockHash;
  }

  List<Address> addresses() {
    return addresses;
  }

  List<List<Hash>> topics() {
    return topics;
  }

  /** Addresses plus topic alternatives: what a bloom test per block costs (RPC-25's work). */
  long alternatives() {
    long count = addresses.size();
    for (List<Hash> position : topics) {
      count += position.size();
    }
    return count;
  }

  /** A filter for every log of new blocks, as the logs subscription has without arguments. */
  static LogFilter everything() {
    return new LogFilter(BlockTag.LATEST, BlockTag.LATEST, Optional.empty(), List.of(), List.of());
  }

  /**
   * Parses the filter object; {@code name} is how error messages call it, and
   * {@code alternativesMax} bounds the addresses and the topics of each position.
   */
  static LogFilter parse(JsonNode filter, String name, int alternativesMax) {
    if (filter == null || filter.isMissingNode() || filter.isNull()) {
      return everything();
    }
    if (!filter.isObject()) {
      throw RpcException.invalidParams(name + ": expected a filter object");
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = filter.fields(); it.hasNext(); ) {
      String field = it.next().getKey();
      if (!FIELDS.contains(field)) {
        throw RpcException.invalidParams(name + ": unknown field \"" + abbreviate(field)
            + "\" (expected " + String.join(", ", FIELDS) + ")");
      }
    }
    Optional<Hash> blockHash = Optional.empty();
    if (present(filter, "blockHash")) {
      if (present(filter, "fromBlock") || present(filter, "toBlock")) {
        throw RpcException.invalidParams(
            name + ": blockHash cannot be combined with fromBlock or toBlock");
      }
      blockHash = Optional.of(single(filter.get("blockHash")).hash(0, name + ".blockHash"));
    }
    BlockTag from = present(filter, "fromBlock")
        ? single(filter.get("fromBlock")).blockTag(0, name + ".fromBlock") : BlockTag.LATEST;
    BlockTag to = present(filter, "toBlock")
        ? single(filter.get("toBlock")).blockTag(0, name + ".toBlock") : BlockTag.LATEST;
    return new LogFilter(from, to, blockHash, addresses(filter.get("address"), name, alternativesMax),
        topics(filter.get("topics"), name, alternativesMax));
  }

  private static List<Address> addresses(JsonNode value, String name, int alternativesMax) {
    List<Address> addresses = new ArrayList<>();
    if (value == null || value.isNull()) {
      return addresses;
    }
    if (value.isArray()) {
      bound(value.size(), name + ".address", alternativesMax);
      for (int i = 0; i < value.size(); i++) {
        addresses.add(single(value.get(i)).address(0, name + ".address[" + i + "]"));
      }
    } else {
      addresses.add(single(value).address(0, name + ".address"));
    }
    return addresses;
  }

  private static List<List<Hash>> topics(JsonNode value, String name, int alternativesMax) {
    List<List<Hash>> topics = new ArrayList<>();
    if (value == null || value.isNull()) {
      return topics;
    }
    if (!value.isArray() || value.size() > Log.TOPICS_MAX) {
      throw RpcException.invalidParams(
          name + ".topics: expected an array of at most " + Log.TOPICS_MAX + " positions");
    }
    for (int i = 0; i < value.size(); i++) {
      JsonNode position = value.get(i);
      List<Hash> alternatives = new ArrayList<>();
      String at = name + ".topics[" + i + "]";
      if (position.isArray()) {
        bound(position.size(), at, alternativesMax);
        for (int j = 0; j < position.size(); j++) {
          if (position.get(j).isNull()) {
            alternatives.clear();
            break;
          }
          alternatives.add(single(position.get(j)).hash(0, at + "[" + j + "]"));
        }
      } else if (!position.isNull()) {
        alternatives.add(single(position).hash(0, at));
      }
      topics.add(alternatives);
    }
    return topics;
  }

  boolean matches(Log log) {
    if (!addressSet.isEmpty() && !addressSet.contains(log.address())) {
      return false;
    }
    for (int i = 0; i < topicSets.size(); i++) {
      Set<Hash> alternatives = topicSets.get(i);
      if (alternatives.isEmpty()) {
        continue;
      }
      if (i >= log.topics().size() || !alternatives.contains(log.topics().get(i))) {
        return false;
      }
    }
    return true;
  }

  private static void bound(int size, String name, int alternativesMax) {
    if (size > alternativesMax) {
      throw RpcException.limitExceeded(name + ": " + size + " alternatives exceed the limit of "
          + alternativesMax + " (logsAlternativesMax)");
    }
  }

  private static boolean present(JsonNode filter, String field) {
    return filter.has(field) && !filter.get(field).isNull();
  }

  /** One value as a one-argument parameter list, to reuse the strict parsers of RpcParams. */
  private static RpcParams single(JsonNode value) {
    ArrayNode array = EthJson.NODES.arrayNode();
    array.add(value);
    return RpcParams.of(array);
  }

  private static String abbreviate(String text) {
    return text.length() <= 40 ? text : text.substring(0, 40) + "...";
  }
}
