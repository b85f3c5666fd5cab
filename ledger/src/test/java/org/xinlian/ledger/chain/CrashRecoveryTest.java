package org.xinlian.ledger.chain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xinlian.common.RandomSource;
import org.xinlian.crypto.CryptoSuite;
import org.xinlian.crypto.CryptoSuites;
import org.xinlian.ledger.LedgerNamespaces;
import org.xinlian.ledger.state.KeyValueNodeStore;
import org.xinlian.ledger.state.StateHashing;
import org.xinlian.ledger.state.StateDatabase;
import org.xinlian.ledger.state.StateHead;
import org.xinlian.ledger.verify.LedgerVerifier;
import org.xinlian.storage.KeyRange;
import org.xinlian.storage.KeyValue;
import org.xinlian.storage.KeyValueIterator;
import org.xinlian.ledger.verify.VerificationProgress;
import org.xinlian.ledger.verify.VerificationReport;
import org.xinlian.storage.KeyValueStore;
import org.xinlian.storage.KeyValueStores;
import org.xinlian.storage.StoreOptions;
import org.xinlian.trie.MerklePatriciaTrie;
import org.xinlian.types.block.Block;
import org.xinlian.types.block.BlockHeader;

/**
 * LEDGER-3 and LEDGER-8: a process killed with SIGKILL at a random moment of committing blocks
 * leaves a store whose head is whole: every block up to it, its indexes, and its full state. The
 * child ({@link CrashingCommitter}) runs in its own JVM on a RocksDB store and is killed
 * {@link #ROUNDS} times; each restart continues from the head it finds. The seed is printed; set
 * {@code -Dcrash.seed=N} to replay the kill delays.
 */
class CrashRecoveryTest {
  private static final int ROUNDS = 50;
  private static final int KILL_DELAY_MILLIS_MAX = 120;
  private static final long CHILD_START_SECONDS_MAX = 60;
  private static final String END_OF_OUTPUT = "<end of output>";

  private final CryptoSuite suite = CryptoSuites.standard();

  @Test
  void killedCommitterLeavesAWholeChain(@TempDir Path directory) throws Exception {
    long seed = Long.getLong("crash.seed", System.nanoTime());
    System.out.println("CrashRecoveryTest seed " + seed + " (replay with -Dcrash.seed=" + seed + ")");
    RandomSource random = RandomSource.seeded(seed);
    Path data = directory.resolve("ledger");
    long previousHead = -1;
    int roundsWithProgress = 0;
    for (int round = 0; round < ROUNDS; round++) {
      long lastPrinted = runAndKill(data, directory.resolve("child-" + round + ".err"),
          random.nextLong(), random.nextInt(KILL_DELAY_MILLIS_MAX));
      long head = check(data, lastPrinted);
      assertTrue(head >= previousHead, "the head went back from " + previousHead + " to " + head);
      if (head > previousHead) {
        roundsWithProgress++;
      }
      previousHead = head;
    }
    System.out.println("CrashRecoveryTest: " + ROUNDS + " kills, head reached block "
        + previousHead + ", " + roundsWithProgress + " rounds committed blocks");
    assertTrue(roundsWithProgress >= ROUNDS / 2,
        "the child committed in only " + roundsWithProgress + " of " + ROUNDS + " rounds");
  }

  /** Starts the child, waits for its first commit, kills it; returns the last block it printed. */
  private long runAndKill(Path data, Path errors, long childSeed, int delayMillis)
      throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    // C1 only and the serial collector: the child lives a second, so startup is what counts.
    Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        "-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
        CrashingCommitter.class.getName(), data.toString(), Long.toString(childSeed))
        .redirectError(errors.toFile())
        .start();
    LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();
    Thread reader = new Thread(() -> {
      try (BufferedReader out = new BufferedReader(
          new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line = out.readLine(); line != null; line = out.readLine()) {
          lines.add(line);
        }
      } catch (IOException e) {
        lines.add("read failed: " + e);
      }
      lines.add(END_OF_OUTPUT);
    });
    reader.start();
    String line;
    do {
      line = lines.poll(CHILD_START_SECONDS_MAX, TimeUnit.SECONDS);
      if (line == null || line.equals(END_OF_OUTPUT) || line.startsWith("read failed")) {
        child.destroyForcibly().waitFor();
        fail("the child committed nothing: " + line + "\n" + Files.readString(errors));
      }
    } while (!line.startsWith("committed"));
    Thread.sleep(delayMillis);
    child.destroyForcibly();
    child.waitFor();
    reader.join();
    assertEquals(137, child.exitValue(), "killed by SIGKILL; stderr:\n" + Files.readString(errors));
    long lastPrinted = Long.parseLong(line.substring("committed ".length()));
    for (String rest : List.copyOf(lines)) {
      // A line cut by the kill can only be shorter, which weakens nothing below.
      if (rest.matches("committed \\d+")) {
        lastPrinted = Long.parseLong(rest.substring("committed ".length()));
      }
    }
    return lastPrinted;
  }

  /** Reopens the store and checks everything the head promises; returns the head's number. */
  private long check(Path data, long lastPrinted) {
    try (KeyValueStore store = KeyValueStores.openRocksDb(StoreOptions.of(data,
        LedgerNamespaces.ALL))) {
      BlockStore blocks = BlockStore.open(store, suite, data.toString());
      BlockHeader head = blocks.head().orElseThrow();
      // A commit the child reported had returned, so its write-ahead log entry was written.
      assertTrue(head.number() >= lastPrinted,
          "head " + head.number() + " is behind the reported commit " + lastPrinted);
      assertEquals(head.hash(suite), blocks.canonicalHash(head.number()).orElseThrow());
      assertTrue(blocks.canonicalHash(head.number() + 1).isEmpty());
      Block headBlock = blocks.block(head.number()).orElseThrow();
      assertEquals(head.transactionsRoot(),
          BlockRoots.transactionsRoot(suite, headBlock.transactions()));
      assertEquals(head.receiptsRoot(),
          BlockRoots.receiptsRoot(suite, blocks.receipts(head.number()).orElseThrow()));
      // Every account of the head state loads through the production trie...
      MerklePatriciaTrie state = MerklePatriciaTrie.load(head.stateRoot(),
          new KeyValueNodeStore(store, null), StateHashing.trieHash(suite));
      int accounts = 0;
      for (Optional<byte[]> key = state.firstKey(); key.isPresent(); key = state.nextKey(key.get())) {
        assertNotNull(state.get(key.get()).orElseThrow());
        accounts++;
      }
      assertTrue(head.number() == 0 || accounts > 0);
      // The state head and the flat view were written in the block's batch: they match it.
      assertEquals(Optional.of(new StateHead(head.number(), head.stateRoot())),
          new StateDatabase(store, suite).head());
      int flatAccounts = 0;
      try (KeyValueIterator flat = store.iterate(LedgerNamespaces.FLAT_ACCOUNTS, KeyRange.ALL)) {
        while (flat.hasNext()) {
          KeyValue entry = flat.next();
          assertArrayEquals(state.get(entry.key()).orElseThrow(), entry.value());
          flatAccounts++;
        }
      }
      assertEquals(accounts, flatAccounts, "flat view and state trie hold the same accounts");
      // ...and every block, index, trie node and code re-hashes to what references it.
      VerificationReport report =
          new LedgerVerifier(store, suite, data.toString()).verify(VerificationProgress.NONE);
      assertTrue(report.clean(), report.summary() + "\n" + report.mismatches());
      assertEquals(head.number() + 1, report.blocksChecked());
      return head.number();
    }
  }
}
