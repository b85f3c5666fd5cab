package org.xinlian.evm.statetest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.xinlian.common.Address;
import org.xinlian.common.Hash;
import org.xinlian.common.Hex;
import org.xinlian.crypto.CryptoSuites;
import org.xinlian.crypto.Keccak256;
import org.xinlian.evm.BlockContext;
import org.xinlian.evm.Log;
import org.xinlian.evm.precompile.Precompiles;
import org.xinlian.evm.state.InMemoryWorldState;
import org.xinlian.evm.transaction.ExecutableTransaction;
import org.xinlian.evm.transaction.TransactionProcessor;
import org.xinlian.evm.transaction.TransactionResult;
import org.xinlian.evm.word.UInt256;

/**
 * Runs the Cancun post entries of an ethereum/tests GeneralStateTests file: builds the pre state,
 * applies the indexed transaction and compares the post state root and the logs hash.
 */
final class StateTestRunner {
  static final String FORK = "Cancun";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final BigInteger BLOB_BASE_FEE_UPDATE_FRACTION = BigInteger.valueOf(3_338_477);

  /** One post entry's verdict; {@code problem} is empty when root and logs both match. */
  record Verdict(String name, Optional<String> problem) {}

  private StateTestRunner() {}

  static List<Verdict> run(Path file) throws IOException {
    JsonNode root = JSON.readTree(file.toFile());
    List<Verdict> verdicts = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> tests = root.fields(); tests.hasNext(); ) {
      Map.Entry<String, JsonNode> test = tests.next();
      JsonNode posts = test.getValue().path("post").path(FORK);
      for (int i = 0; i < posts.size(); i++) {
        String name = file.getFileName() + " " + test.getKey() + " #" + i;
        verdicts.add(new Verdict(name, runOne(test.getValue(), posts.get(i))));
      }
    }
    return verdicts;
  }

  private static Optional<String> runOne(JsonNode test, JsonNode post) {
    return runOne(test, post, new InMemoryWorldState());
  }

  /** Runs one post entry on {@code state} (left holding the post state, for diagnosis). */
  static Optional<String> runOne(JsonNode test, JsonNode post, InMemoryWorldState state) {
    for (Iterator<Map.Entry<String, JsonNode>> accounts = test.path("pre").fields(); accounts.hasNext(); ) {
      Map.Entry<String, JsonNode> account = accounts.next();
      Address address = Address.fromHex(account.getKey());
      JsonNode fields = account.getValue();
      state.setBalance(address, word(fields.path("balance").asText()));
      state.setNonce(address, number(fields.path("nonce").asText()).longValue());
      state.setCode(address, Hex.decode(fields.path("code").asText()));
      for (Iterator<Map.Entry<String, JsonNode>> slots = fields.path("storage").fields(); slots.hasNext(); ) {
        Map.Entry<String, JsonNode> slot = slots.next();
        state.setStorage(address, word(slot.getKey()), word(slot.getValue().asText()));
      }
    }
    state.commitInitialState();
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
    String actualRoot = Hex.encode(stateRoot(state));
    String expectedLogs = post.path("logs").asText();
    String actualLogs = Hex.encode(logsHash(logs));
    if (!expectedRoot.equalsIgnoreCase(actualRoot)) {
      return Optional.of("state root " + actualRoot + " != " + expectedRoot + " (" + execution + ")");
    }
    if (!expectedLogs.equalsIgnoreCase(actualLogs)) {
      return Optional.of("logs hash " + actualLogs + " != " + expectedLogs);
    }
    return Optional.empty();
  }

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

  private static Optional<ExecutableTransaction> transaction(JsonNode tx, JsonNode indexes) {
    int dataIndex = indexes.path("data").asInt();
    int gasIndex = indexes.path("gas").asInt();
    int valueIndex = indexes.path("value").asInt();
    BigInteger gasLimit = number(tx.path("gasLimit").get(gasIndex).asText());
    BigInteger nonce = number(tx.path("nonce").asText());
    BigInteger value = number(tx.path("value").get(valueIndex).asText());
    if (gasLimit.bitLength() > 63 || nonce.bitLength() > 64 || value.bitLength() > 256) {
      return Optional.empty();
    }
    Address sender = tx.has("sender")
        ? Address.fromHex(tx.path("sender").asText())
        : CryptoSuites.standard().address(CryptoSuites.standard()
            .keyPairFromPrivateKey(Hex.decode(tx.path("secretKey").asText())).publicKey());
    String to = tx.path("to").asText("");
    UInt256 maxFee;
    UInt256 priorityFee;
    if (tx.has("gasPrice")) {
      maxFee = word(tx.path("gasPrice").asText());
      priorityFee = maxFee;
    } else {
      maxFee = word(tx.path("maxFeePerGas").asText());
      priorityFee = word(tx.path("maxPriorityFeePerGas").asText());
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
        Hex.decode(tx.path("data").get(dataIndex).asText()),
        maxFee,
        priorityFee,
        accessList,
        blobHashes,
        word(tx.path("maxFeePerBlobGas").asText("0x00"))));
  }

  static byte[] stateRoot(InMemoryWorldState state) {
    Map<byte[], byte[]> accounts = new HashMap<>();
    for (Address address : state.addresses()) {
      Map<byte[], byte[]> storage = new HashMap<>();
      for (Map.Entry<UInt256, UInt256> slot : state.storageOf(address).entrySet()) {
        storage.put(Keccak256.hash(slot.getKey().toBytes()), Rlp.bytes(slot.getValue().toMinimalBytes()));
      }
      byte[] account = Rlp.list(List.of(
          Rlp.bytes(Rlp.minimal(state.nonce(address))),
          Rlp.bytes(state.balance(address).toMinimalBytes()),
          Rlp.bytes(TrieRoot.root(storage)),
          Rlp.bytes(state.codeHash(address).toArray())));
      accounts.put(Keccak256.hash(address.toArray()), account);
    }
    return TrieRoot.root(accounts);
  }

  static byte[] logsHash(List<Log> logs) {
    List<byte[]> encoded = new ArrayList<>();
    for (Log log : logs) {
      List<byte[]> topics = new ArrayList<>();
      for (UInt256 topic : log.topics()) {
        topics.add(Rlp.bytes(topic.toBytes()));
      }
      encoded.add(Rlp.list(List.of(Rlp.bytes(log.address().toArray()), Rlp.list(topics), Rlp.bytes(log.data()))));
    }
    return Keccak256.hash(Rlp.list(encoded));
  }

  /** Hex quantities; fillers mark values wider than 256 bits as "0x:bigint 0x...". */
  private static BigInteger number(String text) {
    String hex = text.startsWith("0x:bigint ") ? text.substring("0x:bigint ".length()) : text;
    String digits = hex.startsWith("0x") || hex.startsWith("0X") ? hex.substring(2) : hex;
    return digits.isEmpty() ? BigInteger.ZERO : new BigInteger(digits, 16);
  }

  private static UInt256 word(String hex) {
    return UInt256.fromBigInteger(number(hex));
  }
}
