package org.xinlian.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xinlian.common.Address;
import org.xinlian.common.Hash;
import org.xinlian.common.Hex;
import org.xinlian.common.RandomSource;
import org.xinlian.crypto.CryptoSuite;
import org.xinlian.crypto.CryptoSuites;
import org.xinlian.node.DevChain;
import org.xinlian.types.transaction.Transaction;
import org.xinlian.types.transaction.TransactionCodec;
import org.xinlian.types.transaction.UnsignedTransaction;

/**
 * Issue 5, "Bad input": killing the node at any moment loses no transaction that had a receipt.
 * {@code xinlian dev} runs in a child JVM that this test feeds signed transfers over JSON-RPC and
 * kills with SIGKILL after a random delay, {@link #ROUNDS} times on the same data directory. After
 * each restart every receipt a client was ever given is served again unchanged, the nonces and
 * balances are exactly what the included transfers make them, and new transfers are mined. The seed
 * is printed; {@code -Dnodekill.seed=N} replays the kill delays and the transfers.
 */
class NodeKillTest {
  private static final int ROUNDS = 12;
  private static final int KILL_DELAY_MILLIS_MIN = 150;
  private static final int KILL_DELAY_MILLIS_SPREAD = 1_200;
  /** Unreceipted transfers per sender, so the pool never holds more than a block's worth. */
  private static final int OUTSTANDING_PER_SENDER_MAX = 4;
  private static final long GAS_LIMIT = 21_000;
  private static final BigInteger GAS_PRICE_WEI = BigInteger.TEN.pow(9);
  private static final int VALUE_WEI_MAX = 1_000_000;
  private static final int ACCOUNTS = DevChain.ACCOUNTS.size();

  private final CryptoSuite suite = CryptoSuites.standard();
  private final TransactionCodec codec = TransactionCodec.of(suite);

  /** One transfer this test signed and sent (or tried to send when the node died). */
  private record Sent(Hash hash, int sender, int recipient, BigInteger valueWei) {}

  /** Where a receipt placed a transaction, and what it cost the sender. */
  private record Receipted(String blockHash, long blockNumber, BigInteger feeWei) {}

  /** Every transfer ever signed, by hash (a re-signed identical transfer has the same hash). */
  private final Map<Hash, Sent> sent = new LinkedHashMap<>();
  /** Every transfer a receipt was returned for, by hash: none of them may ever disappear. */
  private final Map<Hash, Receipted> receipted = new LinkedHashMap<>();
  private final long[] nextNonce = new long[ACCOUNTS];

  @Test
  void killedNodeKeepsEveryReceiptedTransaction(@TempDir Path directory) throws Exception {
    long seed = Long.getLong("nodekill.seed", System.nanoTime());
    System.out.println("NodeKillTest seed " + seed + " (replay with -Dnodekill.seed=" + seed + ")");
    RandomSource random = RandomSource.seeded(seed);
    Path data = directory.resolve("dev");
    for (int round = 0; round < ROUNDS; round++) {
      DevNodeProcess node = DevNodeProcess.start(data, directory.resolve("child-" + round + ".err"));
      try {
        checkRecovered(node);
        // New transfers are accepted and mined after every restart, with nonces from the chain.
        awaitReceipt(node, send(node, round % ACCOUNTS, random));
        sendUntilKilled(node, random, KILL_DELAY_MILLIS_MIN + random.nextInt(KILL_DELAY_MILLIS_SPREAD));
      } finally {
        if (node.alive()) {
          node.kill();
        }
      }
    }

    // The store the last SIGKILL left behind verifies clean, block by block and node by node.
    CliRun.Result verify = new CliRun(directory).withoutTerminal()
        .run("db", "verify", "--data", data.resolve(DevChain.LEDGER_DIRECTORY_NAME).toString());
    assertEquals(0, verify.exitCode(), verify.out() + verify.err());

    DevNodeProcess node = DevNodeProcess.start(data, directory.resolve("child-final.err"));
    try {
      checkRecovered(node);
      awaitReceipt(node, send(node, 0, random));
    } finally {
      node.stop();
    }
    System.out.println("NodeKillTest seed " + seed + ": " + ROUNDS + " kills, " + receipted.size()
        + " receipted transactions, all present after restart (" + sent.size() + " sent; "
        + verify.out().strip() + ")");
    assertTrue(receipted.size() > ROUNDS, "only " + receipted.size() + " transactions were mined");
  }

  /**
   * Sends transfers and collects their receipts until a SIGKILL, delivered after
   * {@code killDelayMillis} from another thread, ends the node between or inside any of them.
   */
  private void sendUntilKilled(DevNodeProcess node, RandomSource random, int killDelayMillis)
      throws Exception {
    AtomicBoolean killSent = new AtomicBoolean();
    int[] exitCode = {-1};
    Thread killer = new Thread(() -> {
      try {
        Thread.sleep(killDelayMillis);
        killSent.set(true);
        exitCode[0] = node.kill();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "node-killer");
    killer.start();
    List<Hash> outstanding = new ArrayList<>();
    try {
      while (node.alive()) {
        int sender = random.nextInt(ACCOUNTS);
        if (outstanding(outstanding, sender) < OUTSTANDING_PER_SENDER_MAX) {
          outstanding.add(send(node, sender, random));
        }
        for (Hash hash : List.copyOf(outstanding)) {
          if (receipt(node, hash)) {
            outstanding.remove(hash);
          }
        }
      }
    } catch (IOException e) {
      if (!killSent.get()) {
        throw e;
      }
    } finally {
      killer.join();
    }
    // 128 + SIGKILL: the node died by the kill, not by an error of its own.
    assertEquals(137, exitCode[0], "stderr of the killed node:\n" + node.errors());
  }

  private long outstanding(List<Hash> outstanding, int sender) {
    return outstanding.stream().filter(hash -> sent.get(hash).sender() == sender).count();
  }

  /** Signs the sender's next transfer, records it, then sends it; returns its hash. */
  private Hash send(DevNodeProcess node, int sender, RandomSource random) throws IOException,
      InterruptedException {
    int recipient = (sender + 1 + random.nextInt(ACCOUNTS - 1)) % ACCOUNTS;
    BigInteger value = BigInteger.valueOf(1 + random.nextInt(VALUE_WEI_MAX));
    UnsignedTransaction unsigned = new UnsignedTransaction.Legacy(nextNonce[sender], GAS_PRICE_WEI, GAS_LIMIT,
        Optional.of(address(recipient)), value, new byte[0], OptionalLong.of(DevChain.CHAIN_ID));
    Transaction signed = codec.sign(unsigned,
        suite.keyPairFromPrivateKey(DevChain.privateKey(sender)).privateKey());
    Hash hash = codec.hash(signed);
    // Recorded before sending: a send cut by the kill may still have been mined.
    sent.put(hash, new Sent(hash, sender, recipient, value));
    JsonNode result = node.result("eth_sendRawTransaction", Hex.encode(codec.encode(signed)));
    assertEquals(hash, Hash.fromHex(result.asText()), "the node names the transfer by another hash");
    nextNonce[sender]++;
    return hash;
  }

  /** Asks for a receipt; records it and answers true if there is one. */
  private boolean receipt(DevNodeProcess node, Hash hash) throws IOException, InterruptedException {
    JsonNode receipt = node.result("eth_getTransactionReceipt", hash);
    if (receipt.isNull()) {
      return false;
    }
    assertEquals("0x1", receipt.path("status").asText(), "a plain transfer failed: " + receipt);
    Receipted placed = new Receipted(receipt.path("blockHash").asText(),
        DevNodeProcess.quantity(receipt.path("blockNumber")).longValueExact(),
        DevNodeProcess.quantity(receipt.path("gasUsed"))
            .multiply(DevNodeProcess.quantity(receipt.path("effectiveGasPrice"))));
    Receipted before = receipted.putIfAbsent(hash, placed);
    assertEquals(before == null ? placed : before, placed, "the receipt of " + hash + " changed");
    return true;
  }

  private void awaitReceipt(DevNodeProcess node, Hash hash) throws Exception {
    long deadline = System.nanoTime() + DevNodeProcess.CHILD_START_SECONDS_MAX * 1_000_000_000L;
    while (!receipt(node, hash)) {
      assertTrue(System.nanoTime() < deadline, "no receipt for " + hash + "; stderr:\n" + node.errors());
      Thread.sleep(5);
    }
  }

  /**
   * After a restart: every receipt given before is served again with the same block, the head is
   * at or past the highest of them, each sender's nonce counts exactly the included transfers, and
   * every balance is the genesis balance moved by exactly those transfers and their fees.
   */
  private void checkRecovered(DevNodeProcess node) throws Exception {
    long highest = 0;
    for (Map.Entry<Hash, Receipted> entry : List.copyOf(receipted.entrySet())) {
      assertTrue(receipt(node, entry.getKey()), "the receipted transaction " + entry.getKey()
          + " (block " + entry.getValue().blockNumber() + ") is lost after the kill");
      highest = Math.max(highest, entry.getValue().blockNumber());
    }
    long head = node.quantity("eth_blockNumber").longValueExact();
    assertTrue(head >= highest, "head " + head + " is behind receipted block " + highest);

    // Transfers whose receipt the kill cut off may be included too: they count from now on.
    for (Hash hash : sent.keySet()) {
      if (!receipted.containsKey(hash)) {
        receipt(node, hash);
      }
    }
    BigInteger[] expected = new BigInteger[ACCOUNTS];
    java.util.Arrays.fill(expected, DevChain.ACCOUNT_BALANCE_WEI);
    long[] included = new long[ACCOUNTS];
    BigInteger fees = BigInteger.ZERO;
    for (Map.Entry<Hash, Receipted> entry : receipted.entrySet()) {
      Sent transfer = sent.get(entry.getKey());
      BigInteger fee = entry.getValue().feeWei();
      expected[transfer.sender()] = expected[transfer.sender()].subtract(transfer.valueWei()).subtract(fee);
      expected[transfer.recipient()] = expected[transfer.recipient()].add(transfer.valueWei());
      included[transfer.sender()]++;
      fees = fees.add(fee);
    }
    BigInteger total = BigInteger.ZERO;
    for (int account = 0; account < ACCOUNTS; account++) {
      long nonce = node.quantity("eth_getTransactionCount", address(account), "latest").longValueExact();
      assertEquals(included[account], nonce, "account " + account + " nonce vs its included transfers");
      nextNonce[account] = nonce;
      BigInteger balance = node.quantity("eth_getBalance", address(account), "latest");
      assertEquals(expected[account], balance, "balance of account " + account);
      total = total.add(balance);
    }
    // Base fee zero: the whole fee is priority fee, paid to the coinbase (the zero address); the
    // ether of the chain is conserved.
    assertEquals(fees, node.quantity("eth_getBalance", Address.ZERO, "latest"), "coinbase balance");
    assertEquals(DevChain.ACCOUNT_BALANCE_WEI.multiply(BigInteger.valueOf(ACCOUNTS)), total.add(fees));
  }

  private static Address address(int account) {
    return DevChain.ACCOUNTS.get(account).address();
  }
}
