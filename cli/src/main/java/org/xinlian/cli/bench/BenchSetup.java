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
   * @param transactions the measured transactions, in send order (sender = index mod senders)
   * @param gasLimit the gas limit every measured transaction carries
   * @param token the deployed ERC-20, for the erc20 workload
   */
  public record Prepared(List<SignedTransaction> transactions, ChainFees fees, long gasLimit,
      Optional<Address> token, List<Account> senders) {
    public String feesDescription() {
      return fees.describe();
    }

    public long chainId() {
      return fees.chainId();
    }
  }

  /** Runs setup with {@code funder} (a funded private key) paying for everything. */
  public static Prepared prepare(BenchConfig config, JsonRpcClient rpc, CryptoSuite suite, byte[] funderKey,
      Clock clock) {
    TransactionCodec codec = TransactionCodec.of(suite);
    SetupTransactions setup = new SetupTransactions(rpc, codec, clock);
    ChainFees fees = ChainFees.read(rpc);
    Account funder = Account.of(suite, funderKey);
    List<Account> senders = IntStream.range(0, config.senders()).parallel()
        .mapToObj(i -> Account.derived(suite, config.seed(), i)).toList();
    long funderNonce = nonce(rpc, funder.address());

    Optional<Address> token = Optional.empty();
    if (config.workload() == BenchConfig.Workload.ERC20) {
      byte[] bytecode = bytecode(config.erc20Artifact().orElseThrow());
      byte[] deployData = Hex.decode(Hex.encode(bytecode) + Quantities.word(TOKEN_SUPPLY));
      long deployGas = withMargin(estimate(rpc, funder.address(), Optional.empty(), deployData));
      Transaction deploy = codec.sign(fees.unsigned(funderNonce++, deployGas, Optional.empty(),
          BigInteger.ZERO, deployData), funder.keys().privateKey());
      JsonNode receipt = setup.sendAll(List.of(deploy), "deploying the token").get(0);
      token = Optional.of(Address.fromHex(receipt.path("contractAddress").asText()));
    }

    int perSender = (config.transactions() + config.senders() - 1) / config.senders();
    long gasLimit = TRANSFER_GAS;
    List<Transaction> funding = new ArrayList<>();
    if (token.isPresent()) {
      for (Account sender : senders) {
        byte[] data = Quantities.erc20Transfer(sender.address(), TOKEN_AMOUNT.multiply(BigInteger.valueOf(perSender)));
        long gas = withMargin(estimate(rpc, funder.address(), token, data));
        funding.add(codec.sign(fees.unsigned(funderNonce++, gas, token, BigInteger.ZERO, data),
            funder.keys().privateKey()));
      }
      setup.sendAll(funding, "distributing tokens");
      funding.clear();
      // Funder (holding ether and tokens) to a sender already holding tokens: the same storage
      // writes as the measured sender-to-sender transfers, from an account that can pay for gas.
      gasLimit = withMargin(estimate(rpc, funder.address(), token,
          Quantities.erc20Transfer(senders.get(0).address(), TOKEN_AMOUNT)));
    }
    BigInteger value = token.isPresent() ? BigInteger.ZERO : TRANSFER_VALUE_WEI;
    BigInteger perTransaction = fees.maxFeePerGas().multiply(BigInteger.valueOf(gasLimit)).add(value);
    BigInteger fundingWei = perTransaction.multiply(BigInteger.valueOf(perSender)).add(FUNDING_HEADROOM_WEI);
    for (Account sender : senders) {
      funding.add(codec.sign(fees.unsigned(funderNonce++, TRANSFER_GAS, Optional.of(sender.address()),
          fundingWei, new byte[0]), funder.keys().privateKey()));
    }
    setup.sendAll(funding, "funding senders");

    List<SignedTransaction> signed = presign(config, rpc, codec, fees, senders, gasLimit, token);
    return new Prepared(signed, fees, gasLimit, token, senders);
  }

  private static List<SignedTransaction> presign(BenchConfig config, JsonRpcClient rpc, TransactionCodec codec,
      ChainFees fees, List<Account> senders, long gasLimit, Optional<Address> token) {
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
    int count = senders.size();
    return IntStream.range(0, config.transactions()).parallel().mapToObj(i -> {
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
