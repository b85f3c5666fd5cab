package org.xinlian.rpc.eth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.xinlian.common.Address;
import org.xinlian.execution.CallRequest;
import org.xinlian.rpc.BlockTag;
import org.xinlian.rpc.RpcException;
import org.xinlian.rpc.RpcParams;
import org.xinlian.types.block.BlockHeader;

/** The transaction object of eth_call and eth_estimateGas, parsed strictly. */
final class CallRequests {
  private static final List<String> FIELDS = List.of("from", "to", "gas", "gasPrice",
      "maxFeePerGas", "maxPriorityFeePerGas", "value", "data", "input", "nonce", "type",
      "chainId", "accessList");

  private CallRequests() {}

  static CallRequest parse(JsonNode call) {
    if (call == null || !call.isObject()) {
      throw RpcException.invalidParams("invalid argument 0 (transaction): expected an object");
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = call.fields(); it.hasNext(); ) {
      String field = it.next().getKey();
      if (!FIELDS.contains(field)) {
        throw RpcException.invalidParams("invalid argument 0 (transaction): unknown field \""
            + (field.length() > 40 ? field.substring(0, 40) + "..." : field) + "\"");
      }
    }
    Optional<Address> from = present(call, "from")
        ? Optional.of(single(call, "from").address(0, "transaction.from")) : Optional.empty();
    Optional<Address> to = present(call, "to")
        ? Optional.of(single(call, "to").address(0, "transaction.to")) : Optional.empty();
    OptionalLong gas = present(call, "gas")
        ? OptionalLong.of(single(call, "gas").quantityLong(0, "transaction.gas")) : OptionalLong.empty();
    BigInteger value = present(call, "value")
        ? single(call, "value").quantity(0, "transaction.value") : BigInteger.ZERO;
    byte[] data = new byte[0];
    if (present(call, "input")) {
      data = single(call, "input").data(0, "transaction.input");
    }
    if (present(call, "data")) {
      byte[] other = single(call, "data").data(0, "transaction.data");
      if (present(call, "input") && !Arrays.equals(data, other)) {
        throw RpcException.invalidParams("invalid argument 0 (transaction): both \"data\" and"
            + " \"input\" are set and differ");
      }
      data = other;
    }
    BigInteger gasPrice = BigInteger.ZERO;
    if (present(call, "gasPrice")) {
      gasPrice = single(call, "gasPrice").quantity(0, "transaction.gasPrice");
    } else if (present(call, "maxFeePerGas")) {
      gasPrice = single(call, "maxFeePerGas").quantity(0, "transaction.maxFeePerGas");
    }
    return new CallRequest(from, to, gas, value, data, gasPrice);
  }

  /** The header of the block the call runs on. */
  static BlockHeader header(EthContext context, RpcParams params, int index) {
    BlockTag tag = params.blockTagOr(index, "block", BlockTag.LATEST);
    return context.requireHeader(tag);
  }

  /**
   * The request with its gas capped (RPC-23, geth's rpc.gascap): the requested gas, or the
   * block gas limit when absent, and never more than {@code gasCap}.
   */
  static CallRequest capped(CallRequest request, BlockHeader header, long gasCap) {
    return request.withGas(Math.min(request.gas().orElse(header.gasLimit()), gasCap));
  }

  /** Whether the cap, not the request or the block, set the gas of {@code capped}. */
  static boolean capBound(CallRequest original, BlockHeader header, long gasCap) {
    return original.gas().orElse(header.gasLimit()) > gasCap;
  }

  private static boolean present(JsonNode call, String field) {
    return call.has(field) && !call.get(field).isNull();
  }

  private static RpcParams single(JsonNode call, String field) {
    ArrayNode array = EthJson.NODES.arrayNode();
    array.add(call.get(field));
    return RpcParams.of(array);
  }
}
