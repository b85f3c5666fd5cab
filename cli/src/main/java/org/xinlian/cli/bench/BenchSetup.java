package org.xinlian.cli.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.xinlian.common.Address;
import org.xinlian.common.Clock;
import org.xinlian.common.Hex;
import org.xinlian.common.Invariants;
import org.xinlian.crypto.CryptoSuite;
import org.xinlian.types.transaction.Transaction;
import org.xinlian.types.transaction.TransactionCodec;

/**
 * The unmeasured phases: fund the senders from a funded account, deploy and distribute the token
 * for the erc20 workload, then sign every measured transaction in advance (in parallel), so the
 * measured phase does nothing but send and watch.
 */
public final class BenchSetup {
  /** Every ether transfer of the transfer workload moves 1 wei. */
  static final BigInteger TRANSFER_VALUE_WEI = BigInteger.ONE;
  static final long TRANSFER_GAS = 21_000;
  /** Gas limits from estimates carry this margin (×1.2). */
  static final BigDecimal ERC20_GAS_MARGIN = new BigDecimal("1.2");
  /** Every token transfer moves one indivisible unit. */
  static final BigInteger TOKEN_AMOUNT = BigInteger.ONE;
  /** Tokens minted at deployment: far more than any run moves. */
  static final BigInteger TOKEN_SUPPLY = BigInteger.TEN.pow(30);
  /** Ether every sender gets beyond its worst-case fees: 0.01 ether, headroom for fee changes. */
  static final BigInteger FUNDING_HEADROOM_WEI = BigInteger.TEN.pow(16);

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private BenchSetup() {}

  /** One measured transaction, signed. */
  public record SignedTransaction(int index, int sender, String hash, String rawHex) {}

  /**
   * Everything the measured phase needs.
   *
   * @param transactions the measured transactions, in send order, indexed from 0
   * @param warmup the unmeasured transactions sent to every node before any measured one (their
   *     nonces come first), indexed from 0
   * @param fees what every measured transaction pays: acceptable to every node set up
   * @param nodeFees each node's own fees, in the order the nodes were given
   * @param gasLimit the gas limit every measured transaction carries
   * @param token the deployed ERC-20, for the erc20 workload (at the same address on every node)
   */
  public record Prepared(List<SignedTransaction> transactions, List<SignedTransaction> warmup, ChainFees fees,
      List<ChainFees> nodeFees,
      long gasLimit, Optional<Address> token, List<Account> senders) {
    public String feesDescription() {
      if (nodeFees.size() == 1) {
        return fees.describe();
      }
      StringBuilder each = new StringBuilder();
      for (int n = 0; n < nodeFees.size(); n++) {
        each.append(n == 0 ? "" : "; ").append(NODE_NAMES.charAt(n)).append(": ").append(nodeFees.get(n).describe());
      }
      String signed = fees.baseFee().isPresent()
          ? "EIP-1559 tip " + fees.priorityFee() + " wei, fee cap " + fees.maxFeePerGas() + " wei"
          : "legacy gas price " + fees.gasPrice() + " wei";
      return "signed once with " + signed + ", the most any node needs (" + each + ")";
    }

    public long chainId() {
      return fees.chainId();
    }
  }

  /** How the log and the reports name the nodes of a comparison, in order. */
  static final String NODE_NAMES = "ABCDEFGH";

  /** Runs setup on one node with {@code funder} (a funded private key) paying for everything. */
  public static Prepared prepare(BenchConfig config, JsonRpcClient rpc, CryptoSuite suite, byte[] funderKey,
      Clock clock) {
    return prepare(config, List.of(rpc), suite, funderKey, clock);
  }

  /**
   * Runs setup on every node (funding, token), then signs the measured workload once, with fees
   * every node accepts, so each node later receives exactly the same bytes. The nodes must agree
   * on the chain id, on the senders' nonces and (erc20) on the token's address; otherwise the
   * same bytes could not be valid everywhere, and setup refuses with the reason.
   */
  public static Prepared prepare(BenchConfig config, List<JsonRpcClient> nodes, CryptoSuite suite, byte[] funderKey,
      Clock clock) {
    Invariants.check(!nodes.isEmpty() && nodes.size() <= NODE_NAMES.length(), "1 to %d nodes", NODE_NAMES.length());
    TransactionCodec codec = TransactionCodec.of(suite);
    List<ChainFees> nodeFees = nodes.stream().map(ChainFees::read).toList();
    ChainFees fees = nodes.size() == 1 ? nodeFees.get(0) : ChainFees.acceptableToAll(nodeFees);
    Account funder = Account.of(suite, funderKey);
    List<Account> senders = IntStream.range(0, config.senders()).parallel()
        .mapToObj(i -> Account.derived(suite, config.seed(), i)).toList();
    long[] funderNonces = nodes.stream().mapToLong(rpc -> nonce(rpc, funder.address())).toArray();
    long[] startNonces = startNonces(nodes.get(0), senders);
    for (int n = 1; n < nodes.size(); n++) {
      long[] other = startNonces(nodes.get(n), senders);
      for (int s = 0; s < senders.size(); s++) {
        if (other[s] != startNonces[s]) {
          throw new BenchException("sender " + s + " (" + senders.get(s).address().toHexString() + ") has nonce "
              + startNonces[s] + " on node A but " + other[s] + " on node " + NODE_NAMES.charAt(n)
              + ": the same signed transactions cannot be valid on both; use another --seed or fresh nodes");
        }
      }
    }
    List<SetupTransactions> setups = nodes.stream().map(rpc -> new SetupTransactions(rpc, codec, clock)).toList();

    int signedCount = config.warmupTransactions() + config.transactions();
    int perSender = (signedCount + config.senders() - 1) / config.senders();
    long gasLimit = TRANSFER_GAS;
    Optional<Address> token = Optional.empty();
    if (config.workload() == BenchConfig.Workload.ERC20) {
      byte[] bytecode = bytecode(config.erc20Artifact().orElseThrow());
      requireSame(funderNonces, "the funder " + funder.address().toHexString() + "'s nonce",
          "the token's address derives from it; use fresh nodes, or a --funder-key whose nonce is the same on all");
      byte[] deployData = Hex.decode(Hex.encode(bytecode) + Quantities.word(TOKEN_SUPPLY));
      long tokenTransferGas = 0;
      for (int n = 0; n < nodes.size(); n++) {
        JsonRpcClient rpc = nodes.get(n);
        long deployGas = withMargin(estimate(rpc, funder.address(), Optional.empty(), deployData));
        Transaction deploy = codec.sign(nodeFees.get(n).unsigned(funderNonces[n]++, deployGas, Optional.empty(),
            BigInteger.ZERO, deployData), funder.keys().privateKey());
        JsonNode receipt = setups.get(n).sendAll(List.of(deploy), "deploying the token" + on(n, nodes.size())).get(0);
        Address deployed = Address.fromHex(receipt.path("contractAddress").asText());
        if (token.isPresent() && !token.get().equals(deployed)) {
          throw new BenchException("the token was deployed at " + token.get().toHexString() + " on node A but at "
              + deployed.toHexString() + " on node " + NODE_NAMES.charAt(n)
              + ": the signed token transfers cannot be the same on both; use fresh nodes");
        }
        token = Optional.of(deployed);
      }
      for (int n = 0; n < nodes.size(); n++) {
        JsonRpcClient rpc = nodes.get(n);
        List<Transaction> distribution = new ArrayList<>();
        for (Account sender : senders) {
          byte[] data = Quantities.erc20Transfer(sender.address(),
              TOKEN_AMOUNT.multiply(BigInteger.valueOf(perSender)));
          long gas = withMargin(estimate(rpc, funder.address(), token, data));
          distribution.add(codec.sign(nodeFees.get(n).unsigned(funderNonces[n]++, gas, token, BigInteger.ZERO, data),
              funder.keys().privateKey()));
        }
        setups.get(n).sendAll(distribution, "distributing tokens" + on(n, nodes.size()));
        // Funder (holding ether and tokens) to a sender already holding tokens: the same storage
        // writes as the measured sender-to-sender transfers, from an account that can pay for gas.
        // The signed limit must fit every node, hence the largest estimate.
        tokenTransferGas = Math.max(tokenTransferGas, withMargin(estimate(rpc, funder.address(), token,
            Quantities.erc20Transfer(senders.get(0).address(), TOKEN_AMOUNT))));
      }
      gasLimit = tokenTransferGas;
    }
    BigInteger value = token.isPresent() ? BigInteger.ZERO : TRANSFER_VALUE_WEI;
    BigInteger perTransaction = fees.maxFeePerGas().multiply(BigInteger.valueOf(gasLimit)).add(value);
    BigInteger fundingWei = perTransaction.multiply(BigInteger.valueOf(perSender)).add(FUNDING_HEADROOM_WEI);
    for (int n = 0; n < nodes.size(); n++) {
      List<Transaction> funding = new ArrayList<>();
      for (Account sender : senders) {
        funding.add(codec.sign(nodeFees.get(n).unsigned(funderNonces[n]++, TRANSFER_GAS, Optional.of(sender.address()),
            fundingWei, new byte[0]), funder.keys().privateKey()));
      }
      setups.get(n).sendAll(funding, "funding senders" + on(n, nodes.size()));
      List<Transaction> admissions = admissions(nodes.get(n), codec, nodeFees.get(n), funder, funderNonces, n, senders);
      if (!admissions.isEmpty()) {
        setups.get(n).sendAll(admissions, "admitting senders" + on(n, nodes.size()));
      }
    }

    List<SignedTransaction> signed = presign(signedCount, codec, fees, senders, startNonces, gasLimit, token);
    int warm = config.warmupTransactions();
    List<SignedTransaction> measured = signed.subList(warm, signed.size()).stream()
        .map(transaction -> new SignedTransaction(transaction.index() - warm, transaction.sender(),
            transaction.hash(), transaction.rawHex()))
        .toList();
    return new Prepared(measured, List.copyOf(signed.subList(0, warm)), fees, nodeFees, gasLimit, token, senders);
  }

  /** {@code admitUser(address)} of the governance contract (contracts/IXinlianGovernance.sol). */
  private static final byte[] ADMIT_USER_SELECTOR = java.util.Arrays.copyOf(
      org.xinlian.crypto.Keccak256.hash("admitUser(address)".getBytes(java.nio.charset.StandardCharsets.US_ASCII)), 4);
  private static final Address GOVERNANCE = Address.fromHex("0x000000000000000000000000000000000000f101");

  /**
   * On a permissioned chain (docs/spec/governance.md GOV-8) the senders must be admitted before
   * they may send: the funder, an organisation admin such as {@code network init}'s development
   * accounts, admits each one not admitted yet as a user of its organisation (GOV-10). Nothing on
   * an open chain, or on an endpoint without governance (anvil).
   */
  private static List<Transaction> admissions(JsonRpcClient rpc, TransactionCodec codec, ChainFees fees,
      Account funder, long[] funderNonces, int node, List<Account> senders) {
    List<JsonRpcClient.Response> mode = rpc.batch(List.of(new JsonRpcClient.Request("xinlian_getGovernance",
        List.of())));
    if (mode.get(0).failed() || !"permissioned".equals(mode.get(0).result().path("mode").asText())) {
      return List.of();
    }
    List<JsonRpcClient.Request> reads = new ArrayList<>();
    for (Account sender : senders) {
      reads.add(new JsonRpcClient.Request("xinlian_getAccount", List.of(Hex.encode(sender.address().toArray()))));
    }
    List<Transaction> admissions = new ArrayList<>();
    long gas = 0;
    for (int from = 0; from < reads.size(); from += BenchConfig.BATCH_SIZE_MAX) {
      List<JsonRpcClient.Response> accounts =
          rpc.batch(reads.subList(from, Math.min(reads.size(), from + BenchConfig.BATCH_SIZE_MAX)));
      for (int k = 0; k < accounts.size(); k++) {
        if (accounts.get(k).failed()) {
          throw new BenchException("xinlian_getAccount: " + accounts.get(k).error());
        }
        if (accounts.get(k).result().path("admitted").asBoolean()) {
          continue;
        }
        Address sender = senders.get(from + k).address();
        byte[] data = new byte[4 + 32];
        System.arraycopy(ADMIT_USER_SELECTOR, 0, data, 0, 4);
        System.arraycopy(sender.toArray(), 0, data, 4 + 12, Address.LENGTH);
        if (gas == 0) {
          gas = withMargin(estimate(rpc, funder.address(), Optional.of(GOVERNANCE), data));
        }
        admissions.add(codec.sign(fees.unsigned(funderNonces[node]++, gas, Optional.of(GOVERNANCE), BigInteger.ZERO,
            data), funder.keys().privateKey()));
      }
    }
    return admissions;
  }

  private static String on(int node, int nodes) {
    return nodes == 1 ? "" : " on node " + NODE_NAMES.charAt(node);
  }

  private static void requireSame(long[] values, String what, String why) {
    for (int n = 1; n < values.length; n++) {
      if (values[n] != values[0]) {
        throw new BenchException(what + " is " + values[0] + " on node A but " + values[n] + " on node "
            + NODE_NAMES.charAt(n) + ": " + why);
      }
    }
  }

  private static long[] startNonces(JsonRpcClient rpc, List<Account> senders) {
    long[] startNonces = new long[senders.size()];
    List<JsonRpcClient.Request> requests = new ArrayList<>();
    for (Account sender : senders) {
      requests.add(new JsonRpcClient.Request("eth_getTransactionCount",
          List.of(Hex.encode(sender.address().toArray()), "pending")));
    }
    for (int from = 0; from < requests.size(); from += BenchConfig.BATCH_SIZE_MAX) {
      List<JsonRpcClient.Response> responses =
          rpc.batch(requests.subList(from, Math.min(requests.size(), from + BenchConfig.BATCH_SIZE_MAX)));
      for (int k = 0; k < responses.size(); k++) {
        if (responses.get(k).failed()) {
          throw new BenchException("eth_getTransactionCount: " + responses.get(k).error());
        }
        startNonces[from + k] = Quantities.parse(responses.get(k).result(), "nonce").longValueExact();
      }
    }
    return startNonces;
  }

  private static List<SignedTransaction> presign(int signedCount, TransactionCodec codec, ChainFees fees,
      List<Account> senders, long[] startNonces, long gasLimit, Optional<Address> token) {
    int count = senders.size();
    return IntStream.range(0, signedCount).parallel().mapToObj(i -> {
      int s = i % count;
      Account sender = senders.get(s);
      Address recipient = senders.get((s + 1) % count).address();
      long nonce = startNonces[s] + i / count;
      Transaction transaction = token.isPresent()
          ? codec.sign(fees.unsigned(nonce, gasLimit, token, BigInteger.ZERO,
              Quantities.erc20Transfer(recipient, TOKEN_AMOUNT)), sender.keys().privateKey())
          : codec.sign(fees.unsigned(nonce, gasLimit, Optional.of(recipient), TRANSFER_VALUE_WEI, new byte[0]),
              sender.keys().privateKey());
      return new SignedTransaction(i, s, Hex.encode(codec.hash(transaction).toArray()),
          Hex.encode(codec.encode(transaction)));
    }).toList();
  }

  private static long nonce(JsonRpcClient rpc, Address address) {
    return Quantities.parse(rpc.call("eth_getTransactionCount", Hex.encode(address.toArray()), "pending"),
        "nonce").longValueExact();
  }

  private static long estimate(JsonRpcClient rpc, Address from, Optional<Address> to, byte[] data) {
    Map<String, String> call = new java.util.LinkedHashMap<>();
    call.put("from", Hex.encode(from.toArray()));
    to.ifPresent(address -> call.put("to", Hex.encode(address.toArray())));
    call.put("data", Hex.encode(data));
    long estimate = Quantities.parse(rpc.call("eth_estimateGas", call), "eth_estimateGas").longValueExact();
    return estimate;
  }

  private static long withMargin(long estimate) {
    return new BigDecimal(estimate).multiply(ERC20_GAS_MARGIN).longValue();
  }

  private static byte[] bytecode(Path artifact) {
    try {
      JsonNode json = MAPPER.readTree(Files.readAllBytes(artifact));
      String bytecode = json.path("bytecode").isTextual() ? json.path("bytecode").asText()
          : json.path("bytecode").path("object").asText("");
      byte[] code = Hex.decode("bytecode", bytecode.startsWith("0x") ? bytecode : "0x" + bytecode);
      if (code.length == 0) {
        throw new IllegalArgumentException("--erc20-artifact: " + artifact + " has no bytecode");
      }
      return code;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
