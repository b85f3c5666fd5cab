package org.xinlian.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.net.URI;
import java.util.Optional;
import org.xinlian.cli.bench.BenchException;
import org.xinlian.cli.bench.JsonRpcClient;
import org.xinlian.common.Hash;
import org.xinlian.common.Hex;
import org.xinlian.execution.governance.ValidatorGovernance;

/**
 * The JSON-RPC questions the {@code validators} commands ask a node; a node's refusal or an
 * unreachable node is a {@link UserException} the operator can act on.
 */
final class ValidatorsRpc implements AutoCloseable {
  private final URI endpoint;
  private final JsonRpcClient client;

  ValidatorsRpc(URI endpoint) {
    this.endpoint = endpoint;
    this.client = new JsonRpcClient(endpoint, 1);
  }

  JsonNode call(String method, Object... params) {
    try {
      return client.call(method, params);
    } catch (BenchException e) {
      throw new UserException(endpoint + ": " + e.getMessage());
    }
  }

  long quantity(String method, Object... params) {
    return quantity(call(method, params), method);
  }

  static long quantity(JsonNode value, String what) {
    if (value == null || !value.isTextual() || !value.asText().matches("0x[0-9a-fA-F]{1,16}")) {
      throw new UserException(what + ": expected a quantity but got " + value);
    }
    BigInteger number = new BigInteger(value.asText().substring(2), 16);
    if (number.bitLength() >= Long.SIZE) {
      throw new UserException(what + ": " + value.asText() + " does not fit in 63 bits");
    }
    return number.longValue();
  }

  long chainId() {
    return quantity("eth_chainId");
  }

  Hash genesisHash() {
    JsonNode block = call("eth_getBlockByNumber", "0x0", false);
    JsonNode hash = block == null ? null : block.get("hash");
    if (hash == null || !hash.isTextual()) {
      throw new UserException(endpoint + " did not return the genesis block");
    }
    return Hash.wrap(Hex.decode("genesisHash", hash.asText()));
  }

  /** The last validator epoch the head state records: slot 0 of the governance contract. */
  long lastEpoch() {
    JsonNode word = call("eth_getStorageAt", ValidatorGovernance.ADDRESS.toString(), "0x0", "latest");
    if (word == null || !word.isTextual() || !word.asText().matches("0x[0-9a-fA-F]{1,64}")) {
      throw new UserException("the last validator epoch: expected a storage word but got " + word);
    }
    BigInteger epoch = new BigInteger(word.asText().substring(2), 16);
    if (epoch.bitLength() >= Long.SIZE) {
      throw new UserException("the last validator epoch: " + word.asText() + " does not fit in 63 bits");
    }
    return epoch.longValue();
  }

  /** The receipt of {@code hash}, or empty while it is not in a block. */
  Optional<JsonNode> receipt(Hash hash) {
    JsonNode receipt = call("eth_getTransactionReceipt", hash.toString());
    return receipt == null || receipt.isNull() ? Optional.empty() : Optional.of(receipt);
  }

  @Override
  public void close() {
    client.close();
  }
}
