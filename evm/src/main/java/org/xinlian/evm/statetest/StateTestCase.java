package org.xinlian.evm.statetest;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.xinlian.common.Address;
import org.xinlian.common.Hash;
import org.xinlian.common.Hex;
import org.xinlian.crypto.CryptoSuites;
import org.xinlian.crypto.Keccak256;
import org.xinlian.evm.BlockContext;
import org.xinlian.evm.Log;
import org.xinlian.evm.precompile.Precompiles;
import org.xinlian.evm.state.InMemoryWorldState;
import org.xinlian.evm.state.JournaledWorldState;
import org.xinlian.evm.transaction.ExecutableTransaction;
import org.xinlian.evm.transaction.TransactionProcessor;
import org.xinlian.evm.transaction.TransactionResult;
import org.xinlian.evm.word.UInt256;

/**
 * One Cancun post entry of a GeneralStateTests test: builds the pre state, applies the indexed
 * transaction and compares the post state root and the logs hash (EVM-8). Public so that other
 * world-state implementations (the persistent state in the ledger) run the same cases.
 */
public final class StateTestCase {
  private static final BigInteger BLOB_BASE_FEE_UPDATE_FRACTION = BigInteger.valueOf(3_338_477);
  private static final String BIGINT_PREFIX = "0x:bigint ";

  private StateTestCase() {}

  /** The case name: the test's name and the data, gas and value indexes, as retesteth prints them. */
  public static String name(String test, JsonNode post) {
    JsonNode indexes = post.path("indexes");
    return test + "_d" + indexes.path("data").asInt() + "g" + indexes.path("gas").asInt()
        + "v" + indexes.path("value").asInt();
  }

  /** Runs one post entry; empty when root and logs both match, else why not. */
  static Optional<String> run(JsonNode test, JsonNode post) {
    return run(test, post, new InMemoryWorldState());
  }

  /** Runs one post entry on {@code state} (left holding the post state, for diagnosis). */
  static Optional<String> run(JsonNode test, JsonNode post, InMemoryWorldState state) {
    return run(test, post, state, UnaryOperator.identity(), StateRoots::stateRoot);
  }

  /**
   * Runs one post entry on another world state: the pre state is written into {@code preState}
   * and accepted, {@code reopen} may persist it and return the state the transaction runs on, and
   * {@code stateRoot} computes the post root that is compared with the expected one.
   *
   * @return empty when root and logs both match, else why not
   */
  public static <S extends JournaledWorldState> Optional<String> run(
      JsonNode test, JsonNode post, S preState, UnaryOperator<S> reopen, Function<S, Hash> stateRoot) {
    S state = preState;
    for (Iterator<Map.Entry<String, JsonNode>> accounts = test.path("pre").fields(); accounts.hasNext(); ) {
      Map.Entry<String, JsonNode> account = accounts.next();
      Address address = Address.fromHex(account.getKey());
      JsonNode fields = account.getValue();
      state.setBalance(address, word(fields.path("balance").asText()));
      state.setNonce(address, number(fields.path("nonce").asText()).longValue());
      state.setCode(address, Hex.decode("code", fields.path("code").asText()));
      for (Iterator<Map.Entry<String, JsonNode>> slots = fields.path("storage").fields(); slots.hasNext(); ) {
        Map.Entry<String, JsonNode> slot = slots.next();
        state.setStorage(address, word(slot.getKey()), word(slot.getValue().asText()));
      }
    }
    state.commitInitialState();
    state = reopen.apply(state);
    Optional<ExecutableTransaction> transaction = transaction(test.path("transaction"), post.path("indexes"));
    List<Log> logs = List.of();
    String execution = "not executed";
    if (transaction.isPresent()) {
      TransactionResult result =
          new TransactionProcessor(Precompiles.cancun()).process(state, block(test.path("env")), transaction.get());
      logs = result.logs();
      execution = result.isRejected() ? "rejected" : result.outcome() + ", gas used " + result.gasUsed();
      if (result.isRejected() != post.has("expectException")) {
        return Optional.of(result.isRejected()
            ? "rejected (" + result.rejection().get() + ") but expected valid"
            : "executed but expected " + post.path("expectException").asText());
      }
    } else if (!post.has("expectException")) {
      return Optional.of("transaction fields out of range but no exception expected");
    }
    String expectedRoot = post.path("hash").asText();
    String actualRoot = Hex.encode(stateRoot.apply(state).toArray());
    String expectedLogs = post.path("logs").asText();
    String actualLogs = Hex.encode(StateRoots.logsHash(logs).toArray());
    if (!expectedRoot.equalsIgnoreCase(actualRoot)) {
      return Optional.of("state root " + actualRoot + " != expected " + expectedRoot + " (" + execution + ")");
    }
    if (!expectedLogs.equalsIgnoreCase(actualLogs)) {
      return Optional.of("logs hash " + actualLogs + " != expected " + expectedLogs);
    }
    return Optional.empty();
  }

  /**
   * The block environment. Test fillers define BLOCKHASH(n) as keccak256 of the decimal string
   * of n, and the blob base fee from {@code currentExcessBlobGas} (EIP-4844).
   */
  private static BlockContext block(JsonNode env) {
    BigInteger excessBlobGas = number(env.path("currentExcessBlobGas").asText("0x00"));
    return new BlockContext(
        Address.fromHex(env.path("currentCoinbase").asText()),
        number(env.path("currentNumber").asText()).longValue(),
        number(env.path("currentTimestamp").asText()).longValue(),
        number(env.path("currentGasLimit").asText()).longValue(),
        word(env.path("currentBaseFee").asText("0x00")),
        word(env.path("currentRandom").asText("0x00")),
        UInt256.ONE,
        UInt256.fromBigInteger(fakeExponential(BigInteger.ONE, excessBlobGas, BLOB_BASE_FEE_UPDATE_FRACTION)),
        n -> Hash.wrap(Keccak256.hash(Long.toString(n).getBytes(StandardCharsets.US_ASCII))));
  }

  /** EIP-4844 fake_exponential: factor * e^(numerator / denominator) by Taylor series in integers. */
  static BigInteger fakeExponential(BigInteger factor, BigInteger numerator, BigInteger denominator) {
    BigInteger output = BigInteger.ZERO;
    BigInteger accumulator = factor.multiply(denominator);
    for (int i = 1; accumulator.signum() > 0; i++) {
      output = output.add(accumulator);
      accumulator = accumulator.multiply(numerator).divide(denominator.multiply(BigInteger.valueOf(i)));
    }
    return output.divide(denominator);
  }

  /** The indexed transaction, or empty when a field does not fit its type (the test then expects an exception). */
  private static Optional<ExecutableTransaction> transaction(JsonNode tx, JsonNode indexes) {
    int dataIndex = indexes.path("data").asInt();
    int gasIndex = indexes.path("gas").asInt();
    int valueIndex = indexes.path("value").asInt();
    BigInteger gasLimit = number(element(tx, "gasLimit", gasIndex).asText());
    BigInteger nonce = number(tx.path("nonce").asText());
    BigInteger value = number(element(tx, "value", valueIndex).asText());
    if (gasLimit.bitLength() > 63 || nonce.bitLength() > 64 || value.bitLength() > 256) {
      return Optional.empty();
    }
    Address sender = tx.has("sender")
        ? Address.fromHex(tx.path("sender").asText())
        : CryptoSuites.standard().address(CryptoSuites.standard()
            .keyPairFromPrivateKey(Hex.decode("secretKey", tx.path("secretKey").asText())).publicKey());
    String to = tx.path("to").asText("");
    BigInteger maxFee;
    BigInteger priorityFee;
    if (tx.has("gasPrice")) {
      maxFee = number(tx.path("gasPrice").asText());
      priorityFee = maxFee;
    } else {
      maxFee = number(tx.path("maxFeePerGas").asText());
      priorityFee = number(tx.path("maxPriorityFeePerGas").asText());
    }
    BigInteger maxFeePerBlobGas = number(tx.path("maxFeePerBlobGas").asText("0x00"));
    if (maxFee.bitLength() > 256 || priorityFee.bitLength() > 256 || maxFeePerBlobGas.bitLength() > 256) {
      return Optional.empty();
    }
    List<ExecutableTransaction.AccessListEntry> accessList = new ArrayList<>();
    JsonNode lists = tx.path("accessLists");
    boolean hasAccessList = lists.isArray() && lists.size() > dataIndex && !lists.get(dataIndex).isNull();
    if (hasAccessList) {
      for (JsonNode entry : lists.get(dataIndex)) {
        List<UInt256> keys = new ArrayList<>();
        for (JsonNode key : entry.path("storageKeys")) {
          keys.add(word(key.asText()));
        }
        accessList.add(new ExecutableTransaction.AccessListEntry(Address.fromHex(entry.path("address").asText()), keys));
      }
    }
    List<UInt256> blobHashes = new ArrayList<>();
    for (JsonNode hash : tx.path("blobVersionedHashes")) {
      blobHashes.add(word(hash.asText()));
    }
    int type = tx.has("blobVersionedHashes") ? 3 : tx.has("maxFeePerGas") ? 2 : hasAccessList ? 1 : 0;
    return Optional.of(new ExecutableTransaction(
        type,
        sender,
        to.isEmpty() ? Optional.empty() : Optional.of(Address.fromHex(to)),
        nonce.longValue(),
        gasLimit.longValue(),
        UInt256.fromBigInteger(value),
        Hex.decode("data", element(tx, "data", dataIndex).asText()),
        UInt256.fromBigInteger(maxFee),
        UInt256.fromBigInteger(priorityFee),
        accessList,
        blobHashes,
        UInt256.fromBigInteger(maxFeePerBlobGas)));
  }

  private static JsonNode element(JsonNode tx, String field, int index) {
    JsonNode array = tx.path(field);
    if (!array.isArray() || index < 0 || index >= array.size()) {
      throw new IllegalArgumentException("transaction." + field + ": no element " + index);
    }
    return array.get(index);
  }

  /** Hex quantities; fillers mark values wider than 256 bits as "0x:bigint 0x...". */
  private static BigInteger number(String text) {
    String hex = text.startsWith(BIGINT_PREFIX) ? text.substring(BIGINT_PREFIX.length()) : text;
    String digits = hex.startsWith("0x") || hex.startsWith("0X") ? hex.substring(2) : hex;
    return digits.isEmpty() ? BigInteger.ZERO : new BigInteger(digits, 16);
  }

  private static UInt256 word(String hex) {
    BigInteger value = number(hex);
    if (value.bitLength() > 256) {
      throw new IllegalArgumentException("word wider than 256 bits: " + hex);
    }
    return UInt256.fromBigInteger(value);
  }
}
