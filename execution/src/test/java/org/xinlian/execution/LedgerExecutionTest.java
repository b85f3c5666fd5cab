package org.xinlian.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.xinlian.common.Address;
import org.xinlian.common.Hash;
import org.xinlian.crypto.CryptoSuite;
import org.xinlian.crypto.CryptoSuites;
import org.xinlian.crypto.Signature;
import org.xinlian.evm.word.UInt256;
import org.xinlian.execution.genesis.GenesisConfig;
import org.xinlian.ledger.LedgerNamespaces;
import org.xinlian.ledger.chain.BlockRoots;
import org.xinlian.ledger.chain.IndexedTransaction;
import org.xinlian.ledger.state.StateRetention;
import org.xinlian.storage.KeyValueStores;
import org.xinlian.storage.StoreOptions;
import org.xinlian.types.block.Block;
import org.xinlian.types.block.BlockHeader;
import org.xinlian.types.transaction.Transaction;
import org.xinlian.types.transaction.TransactionCodec;
import org.xinlian.types.transaction.UnsignedTransaction;
import org.xinlian.types.transaction.VerifiedTransaction;

/** EXECUTION-1 to EXECUTION-5, EXECUTION-8, EXECUTION-9, EXECUTION-12: blocks built, validated by another node, finalised and committed. */
class LedgerExecutionTest {
  private static final BigInteger FUNDS = new BigInteger("1000000000000000000");
  private static final byte[] CERTIFICATE = {9, 9, 9};
  /** secp256k1's group order n (SEC 2, section 2.4.1), to turn s into the high form EIP-2 forbids. */
  private static final BigInteger SECP256K1_ORDER =
      new BigInteger("FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141", 16);

  @TempDir Path directory;
  private final ExecutorService executor = Executors.newFixedThreadPool(2);

  @AfterEach
  void stop() {
    executor.shutdownNow();
  }

  /** Runs one block through proposer and validator: prepare, process, finalize, commit on both. */
  private static Proposal produce(TestNode proposer, TestNode validator, List<VerifiedTransaction> candidates) {
    Proposal proposal = proposer.port.prepareProposal(proposer.request(candidates));
    ProposalVerdict verdict =
        validator.port.processProposal(proposal.block(), proposal.block().header().timestamp());
    assertTrue(verdict.accepted(), () -> verdict.rejection().orElse(""));
    proposer.port.commit(proposer.port.finalizeBlock(proposal.block()), CERTIFICATE);
    validator.port.commit(validator.port.finalizeBlock(proposal.block()), CERTIFICATE);
    assertEquals(proposer.headHash(), validator.headHash());
    assertEquals(proposer.head().stateRoot(), validator.head().stateRoot());
    return proposal;
  }

  /**
   * EXECUTION-1 to EXECUTION-5, GENESIS-5: transfers over several blocks on both suites under
   * Ethereum fees; a second node accepts every proposal and reaches the same head; balances,
   * nonces, fees and the persisted, indexed receipts are right.
   */
  @ParameterizedTest
  @ValueSource(strings = {"standard", "gm"})
  void transfersOverSeveralBlocks(String suiteName) throws Exception {
    GenesisConfig genesis = TestNode.writeAndLoad(directory,
        TestNode.genesisJson(suiteName, "ethereum", FUNDS, ""));
    CryptoSuite suite = CryptoSuites.byName(suiteName);
    Address alice = TestNode.address(suite, 0);
    Address bob = TestNode.address(suite, 1);
    Address coinbase = TestNode.address(suite, 9);
    long gasPrice = TestNode.BASE_FEE + 3;
    try (TestNode a = TestNode.inMemory(genesis, executor);
        TestNode b = new TestNode(KeyValueStores.openRocksDb(StoreOptions.of(directory.resolve("b"),
            LedgerNamespaces.ALL)), genesis, executor)) {
      List<Hash> hashes = new ArrayList<>();
      for (int block = 0; block < 3; block++) {
        List<VerifiedTransaction> transactions = List.of(
            a.transfer(0, 2L * block, bob, 1000, gasPrice), a.transfer(0, 2L * block + 1, bob, 1000, gasPrice));
        Proposal proposal = produce(a, b, transactions);
        assertEquals(2, proposal.block().transactions().size());
        assertTrue(proposal.skipped().isEmpty(), proposal.skipped().toString());
        assertEquals(42_000, proposal.block().header().gasUsed());
        transactions.forEach(t -> hashes.add(t.hash()));
      }
      for (TestNode node : List.of(a, b)) {
        assertEquals(3, node.head().number());
        assertEquals(6, node.nonce(alice));
        // 6 transfers of 1000 wei at 21000 gas each, paying gasPrice per gas (legacy: price = cap).
        assertEquals(FUNDS.subtract(BigInteger.valueOf(6 * 1000 + 6 * 21_000 * gasPrice)),
            node.balance(alice).toBigInteger());
        assertEquals(FUNDS.add(BigInteger.valueOf(6000)), node.balance(bob).toBigInteger());
        // The base fee is burned; the proposer gets the tip above it.
        assertEquals(BigInteger.valueOf(6 * 21_000 * (gasPrice - TestNode.BASE_FEE)),
            node.balance(coinbase).toBigInteger());
        for (Hash hash : hashes) {
          IndexedTransaction indexed = node.blocks.transaction(hash).orElseThrow();
          assertTrue(indexed.receipt().success());
        }
        assertEquals(2, node.blocks.receipts(3).orElseThrow().size());
        assertEquals(CERTIFICATE.length, node.head().commitCertificate().length);
      }
    }
  }

  /**
   * EXECUTION-14: a build budget seals the block early, stopping a transaction mid-flight without
   * a trace; the first transaction always completes; a validator without any budget accepts the
   * block, and the stopped transaction goes into the next one.
   */
  @Test
  void aBuildBudgetSealsTheBlockAndStopsATransactionMidFlight() throws Exception {
    // Code at 0x…c0de: SSTORE(0, 1), then loop on JUMPDEST/JUMP until the gas runs out.
    String loop = "0x60016000555b600556";
    Address looper = Address.fromHex("0x000000000000000000000000000000000000c0de");
    GenesisConfig genesis = TestNode.writeAndLoad(directory, TestNode.genesisJson("standard", "ethereum",
        FUNDS, ",\n    \"" + looper + "\": {\"balance\": \"0\", \"code\": \"" + loop + "\"}"));
    CryptoSuite suite = CryptoSuites.standard();
    Address bob = TestNode.address(suite, 1);
    long gasPrice = TestNode.BASE_FEE + 3;
    try (TestNode proposer = TestNode.inMemory(genesis, executor);
        TestNode validator = TestNode.inMemory(genesis, executor)) {
      VerifiedTransaction first = proposer.transfer(0, 0, bob, 1000, gasPrice);
      VerifiedTransaction heavy = proposer.sign(1, new UnsignedTransaction.Legacy(0,
          BigInteger.valueOf(gasPrice), 5_000_000, Optional.of(looper), BigInteger.ZERO, new byte[0],
          OptionalLong.of(TestNode.CHAIN_ID)));
      VerifiedTransaction later = proposer.transfer(0, 1, bob, 1000, gasPrice);
      int[] asked = {0};
      // Stops on its third question: once before the heavy transaction, once inside it.
      org.xinlian.evm.StopSignal budget = () -> ++asked[0] >= 3;
      ProposalRequest base = proposer.request(List.of(first, heavy, later));
      Proposal proposal = proposer.port.prepareProposal(new ProposalRequest(base.height(),
          base.parentHash(), base.timestamp(), base.proposer(), base.candidates(), base.limits(), budget));
      assertTrue(proposal.budgetReached());
      assertEquals(List.of(first.transaction()), proposal.block().transactions());
      assertEquals(21_000, proposal.block().header().gasUsed());
      assertTrue(proposal.skipped().isEmpty(), "a stopped transaction is not refused: it waits");

      ProposalVerdict verdict = validator.port.processProposal(proposal.block(),
          proposal.block().header().timestamp());
      assertTrue(verdict.accepted(), () -> verdict.rejection().orElse(""));
      proposer.port.commit(proposer.port.finalizeBlock(proposal.block()), CERTIFICATE);
      validator.port.commit(validator.port.finalizeBlock(proposal.block()), CERTIFICATE);
      assertEquals(proposer.head().stateRoot(), validator.head().stateRoot());
      assertEquals(0, proposer.nonce(TestNode.address(suite, 1)), "the stopped transaction left no trace");

      // Without a budget the heavy transaction runs out of gas and is included with the rest.
      Proposal next = produce(proposer, validator, List.of(heavy, later));
      assertFalse(next.budgetReached());
      assertEquals(2, next.block().transactions().size());
      assertEquals(5_000_000 + 21_000, next.block().header().gasUsed());
    }
  }

  /** EXECUTION-1: invalid candidates are skipped with a reason and the rest still make a block. */
  @Test
  void invalidCandidatesAreSkippedWithReasons() throws Exception {
    GenesisConfig genesis = TestNode.writeAndLoad(directory,
        TestNode.genesisJson("standard", "ethereum", BigInteger.valueOf(200_000), ""));
    CryptoSuite suite = CryptoSuites.standard();
    try (TestNode a = TestNode.inMemory(genesis, executor); TestNode b = TestNode.inMemory(genesis, executor)) {
      Address bob = TestNode.address(suite, 1);
      VerifiedTransaction gap = a.transfer(0, 5, bob, 1, TestNode.BASE_FEE);
      // 190000 wei plus 21000 gas at 7 wei is above the 200000 wei balance.
      VerifiedTransaction poor = a.transfer(1, 0, bob, 190_000, TestNode.BASE_FEE);
      VerifiedTransaction good = a.transfer(0, 0, bob, 1, TestNode.BASE_FEE);
      VerifiedTransaction tooBig = a.sign(2, new UnsignedTransaction.Legacy(0,
          BigInteger.valueOf(TestNode.BASE_FEE), TestNode.BLOCK_GAS_LIMIT + 1, Optional.of(bob),
          BigInteger.ONE, new byte[0], OptionalLong.of(TestNode.CHAIN_ID)));
      Proposal proposal = produce(a, b, List.of(gap, poor, good, tooBig));
      assertEquals(List.of(good.transaction()), proposal.block().transactions());
      assertEquals(List.of(gap.hash(), poor.hash(), tooBig.hash()),
          proposal.skipped().stream().map(SkippedTransaction::hash).toList());
      assertTrue(proposal.skipped().get(0).reason().startsWith("nonce: expected 0 but got 5"),
          proposal.skipped().get(0).reason());
      assertTrue(proposal.skipped().get(1).reason().startsWith("sender: balance"),
          proposal.skipped().get(1).reason());
      assertTrue(proposal.skipped().get(2).reason().startsWith("gasLimit:"), proposal.skipped().get(2).reason());
    }
  }

  /** EXECUTION-1: the request's count and gas limits bound the block. */
  @Test
  void limitsBoundTheBlock() throws Exception {
    GenesisConfig genesis = TestNode.writeAndLoad(directory, TestNode.genesisJson("standard", "ethereum", FUNDS, ""));
    try (TestNode a = TestNode.inMemory(genesis, executor)) {
      Address bob = TestNode.address(a.suite, 1);
      List<VerifiedTransaction> candidates = new ArrayList<>();
      for (int nonce = 0; nonce < 5; nonce++) {
        candidates.add(a.transfer(0, nonce, bob, 1, TestNode.BASE_FEE));
      }
      ProposalRequest base = a.request(candidates);
      ProposalRequest byCount = new ProposalRequest(base.height(), base.parentHash(), base.timestamp(),
          base.proposer(), candidates, new BlockLimits(Long.MAX_VALUE, Long.MAX_VALUE, 2));
      assertEquals(2, a.port.prepareProposal(byCount).block().transactions().size());
      ProposalRequest byGas = new ProposalRequest(base.height(), base.parentHash(), base.timestamp(),
          base.proposer(), candidates, new BlockLimits(3 * 21_000, Long.MAX_VALUE, 100));
      assertEquals(3, a.port.prepareProposal(byGas).block().transactions().size());
    }
  }

  private interface Tamper {
    Block apply(Block block, TestNode node);
  }

  private static BlockHeader header(BlockHeader h, Hash stateRoot, Hash transactionsRoot, Hash receiptsRoot,
      long gasLimit, long timestamp) {
    return new BlockHeader(h.parentHash(), h.number(), timestamp, h.proposer(), stateRoot, transactionsRoot,
        receiptsRoot, h.logsBloom(), h.gasUsed(), gasLimit, h.extraData(), new byte[0]);
  }

  private String rejection(Tamper tamper) throws Exception {
    GenesisConfig genesis = TestNode.writeAndLoad(directory, TestNode.genesisJson("standard", "ethereum", FUNDS, ""));
    try (TestNode a = TestNode.inMemory(genesis, executor); TestNode b = TestNode.inMemory(genesis, executor)) {
      Address bob = TestNode.address(a.suite, 1);
      Proposal proposal = a.port.prepareProposal(a.request(List.of(a.transfer(0, 0, bob, 5, TestNode.BASE_FEE))));
      Block bad = tamper.apply(proposal.block(), a);
      ProposalVerdict verdict = b.port.processProposal(bad, bad.header().timestamp());
      assertFalse(verdict.accepted());
      assertEquals(0, b.head().number(), "a rejected block changes nothing");
      return verdict.rejection().orElseThrow();
    }
  }

  /** EXECUTION-2, EXECUTION-3: each kind of bad block is rejected with the check that failed. */
  @Test
  void badBlocksAreRejectedWithPreciseReasons() throws Exception {
    Hash other = Hash.wrap(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16,
        17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32});
    assertTrue(rejection((block, node) -> new Block(header(block.header(), other,
        block.header().transactionsRoot(), block.header().receiptsRoot(), block.header().gasLimit(),
        block.header().timestamp()), block.transactions())).startsWith("stateRoot: header " + other));
    assertTrue(rejection((block, node) -> new Block(header(block.header(), block.header().stateRoot(),
        block.header().transactionsRoot(), other, block.header().gasLimit(), block.header().timestamp()),
        block.transactions())).startsWith("receiptsRoot: header " + other));
    assertTrue(rejection((block, node) -> new Block(header(block.header(), block.header().stateRoot(),
        block.header().transactionsRoot(), block.header().receiptsRoot(), TestNode.BLOCK_GAS_LIMIT + 1,
        block.header().timestamp()), block.transactions())).startsWith("gasLimit: 30000001 differs"));
    assertTrue(rejection((block, node) -> new Block(header(block.header(), block.header().stateRoot(),
        block.header().transactionsRoot(), block.header().receiptsRoot(), block.header().gasLimit(),
        block.header().timestamp() - 2), block.transactions())).startsWith("timestamp:"));
    String bad = rejection((block, node) -> withTransactions(block, node, List.of(highS(block.transactions().get(0)))));
    assertTrue(bad.startsWith("transactions.0: signature:"), bad);
    String gap = rejection((block, node) -> withTransactions(block, node,
        List.of(node.transfer(0, 1, TestNode.address(node.suite, 1), 5, TestNode.BASE_FEE).transaction())));
    assertTrue(gap.matches("transactions\\.0 \\(0x[0-9a-f]{64}\\): nonce: expected 0 but got 1"), gap);
    String overGas = rejection((block, node) -> {
      List<Transaction> many = new ArrayList<>();
      // Gas is counted as used, not as limited: the second 29.99M limit exceeds 30M - 21000.
      for (int nonce = 0; nonce < 2; nonce++) {
        many.add(node.sign(0, new UnsignedTransaction.Legacy(nonce, BigInteger.valueOf(TestNode.BASE_FEE),
            29_990_000, Optional.of(TestNode.address(node.suite, 1)), BigInteger.ONE,
            new byte[0], OptionalLong.of(TestNode.CHAIN_ID))).transaction());
      }
      return withTransactions(block, node, many);
    });
    assertTrue(overGas.startsWith("transactions.1 (") && overGas.contains("gasLimit: 29990000 above the block's "
        + "remaining gas"), overGas);
  }

  /**
   * EXECUTION-12: a node whose lookup holds a block's transactions takes their senders from it
   * and recovers nothing. Shown with a transaction whose signature recovers no sender (high s):
   * a node without the lookup rejects the block at the signature, the node whose lookup vouches
   * for it accepts the block and reaches the proposer's state.
   */
  @Test
  void knownTransactionsAreNotRecoveredAgain() throws Exception {
    GenesisConfig genesis = TestNode.writeAndLoad(directory,
        TestNode.genesisJson("standard", "ethereum", FUNDS, ""));
    try (TestNode proposer = TestNode.inMemory(genesis, executor)) {
      VerifiedTransaction signed = proposer.transfer(0, 0, TestNode.address(proposer.suite, 1), 5, TestNode.BASE_FEE);
      TransactionCodec codec = TransactionCodec.of(proposer.suite);
      Transaction unrecoverable = highS(signed.transaction());
      VerifiedTransaction vouched = new VerifiedTransaction(unrecoverable, codec.hash(unrecoverable),
          signed.sender(), codec.encode(unrecoverable).length);
      List<Hash> asked = new java.util.concurrent.CopyOnWriteArrayList<>();
      KnownTransactions pool = hash -> {
        asked.add(hash);
        return hash.equals(vouched.hash()) ? Optional.of(vouched) : Optional.empty();
      };
      try (TestNode recovering = TestNode.inMemory(genesis, executor);
          TestNode knowing = new TestNode(KeyValueStores.inMemory(LedgerNamespaces.ALL), genesis, executor, pool)) {
        Proposal proposal = proposer.port.prepareProposal(proposer.request(List.of(vouched)));
        assertEquals(1, proposal.block().transactions().size(), proposal.skipped().toString());
        Block block = proposal.block();
        String rejection = recovering.port.processProposal(block, block.header().timestamp()).rejection().orElse("");
        assertTrue(rejection.startsWith("transactions.0: signature:"), rejection);
        ProposalVerdict verdict = knowing.port.processProposal(block, block.header().timestamp());
        assertTrue(verdict.accepted(), () -> verdict.rejection().orElse(""));
        assertEquals(List.of(vouched.hash()), asked);
        proposer.port.commit(proposer.port.finalizeBlock(block), CERTIFICATE);
        knowing.port.commit(knowing.port.finalizeBlock(block), CERTIFICATE);
        assertEquals(proposer.head().stateRoot(), knowing.head().stateRoot());
        assertEquals(1, knowing.nonce(signed.sender()));
      }
    }
  }

  /**
   * EXECUTION-13: commit never prunes, so a committed block's followers (pool, subscriptions) are
   * told before any prune; {@code pruneStateIfDue} then deletes what the retention releases and
   * keeps the head whole.
   */
  @Test
  void pruningIsASeparateStepAfterCommit() throws Exception {
    GenesisConfig genesis = TestNode.writeAndLoad(directory, TestNode.genesisJson("standard", "zero-price", FUNDS, ""));
    Address bob = TestNode.address(CryptoSuites.standard(), 1);
    int blocks = (int) LedgerExecution.PRUNE_EVERY_BLOCKS + 4;
    try (TestNode node = new TestNode(KeyValueStores.inMemory(LedgerNamespaces.ALL), genesis, executor,
        KnownTransactions.none(), StateRetention.lastBlocks(2))) {
      Hash firstRoot = null;
      for (int nonce = 0; nonce < blocks; nonce++) {
        Proposal proposal = node.port.prepareProposal(node.request(List.of(node.transfer(0, nonce, bob, 1, 0))));
        node.port.commit(node.port.finalizeBlock(proposal.block()), CERTIFICATE);
        if (firstRoot == null) {
          firstRoot = node.head().stateRoot();
        }
      }
      // Every state since block 1 is still whole: no commit pruned anything.
      assertEquals(FUNDS.add(BigInteger.ONE), node.states.stateAt(firstRoot).balance(bob).toBigInteger());
      long deleted = node.port.pruneStateIfDue();
      assertTrue(deleted > 0, "nothing pruned after " + blocks + " blocks keeping 2");
      Hash first = firstRoot;
      assertThrows(RuntimeException.class, () -> node.states.stateAt(first).balance(bob));
      assertEquals(FUNDS.add(BigInteger.valueOf(blocks)), node.balance(bob).toBigInteger());
      assertEquals(0, node.port.pruneStateIfDue(), "a second run right after has nothing due");
    }
  }

  /** The block with other transactions, its transactions root recomputed so only they are wrong. */
  private static Block withTransactions(Block block, TestNode node, List<Transaction> transactions) {
    BlockHeader h = block.header();
    return new Block(header(h, h.stateRoot(), BlockRoots.transactionsRoot(node.suite, transactions),
        h.receiptsRoot(), h.gasLimit(), h.timestamp()), transactions);
  }

  private static Transaction highS(Transaction transaction) {
    Signature signature = transaction.signature();
    return transaction.unsigned().withSignature(Signature.recoverable(signature.r(),
        SECP256K1_ORDER.subtract(signature.s()), signature.recoveryId() ^ 1));
  }

  /** EXECUTION-2: a block from the future (beyond the caller's bound) is rejected. */
  @Test
  void timestampBeyondTheBoundIsRejected() throws Exception {
    GenesisConfig genesis = TestNode.writeAndLoad(directory, TestNode.genesisJson("gm", "zero-price", FUNDS, ""));
    try (TestNode a = TestNode.inMemory(genesis, executor); TestNode b = TestNode.inMemory(genesis, executor)) {
      Block block = a.port.prepareProposal(a.request(List.of())).block();
      ProposalVerdict verdict = b.port.processProposal(block, block.header().timestamp() - 1);
      assertTrue(verdict.rejection().orElseThrow().contains("after the accepted bound"), verdict.toString());
    }
  }

  /**
   * EXECUTION-2: blocks within one second share the parent's timestamp (header time is whole
   * seconds); only an earlier one is refused, by the builder and by the validator.
   */
  @Test
  void aBlockMayShareItsParentsTimestampButNotPrecedeIt() throws Exception {
    GenesisConfig genesis = TestNode.writeAndLoad(directory, TestNode.genesisJson("standard", "ethereum", FUNDS, ""));
    try (TestNode a = TestNode.inMemory(genesis, executor); TestNode b = TestNode.inMemory(genesis, executor)) {
      for (int i = 0; i < 3; i++) {
        ProposalRequest next = a.request(List.of());
        ProposalRequest sameSecond = new ProposalRequest(next.height(), next.parentHash(),
            a.head().timestamp(), next.proposer(), next.candidates(), next.limits());
        Block block = a.port.prepareProposal(sameSecond).block();
        assertEquals(a.head().timestamp(), block.header().timestamp());
        ProposalVerdict verdict = b.port.processProposal(block, block.header().timestamp());
        assertTrue(verdict.accepted(), verdict.toString());
        a.port.commit(a.port.finalizeBlock(block), new byte[0]);
        b.port.commit(b.port.finalizeBlock(block), new byte[0]);
      }
      ProposalRequest next = a.request(List.of());
      ProposalRequest earlier = new ProposalRequest(next.height(), next.parentHash(),
          a.head().timestamp() - 1, next.proposer(), next.candidates(), next.limits());
      IllegalArgumentException refused =
          assertThrows(IllegalArgumentException.class, () -> a.port.prepareProposal(earlier));
      assertTrue(refused.getMessage().contains("is before the parent's"), refused.getMessage());
    }
  }

  /** EXECUTION-8: under zero-price gas, transfers are metered but nothing is paid for gas. */
  @Test
  void zeroPriceTransfersPayNoGas() throws Exception {
    GenesisConfig genesis = TestNode.writeAndLoad(directory,
        TestNode.genesisJson("gm", "zero-price", BigInteger.valueOf(3000), ""));
    try (TestNode a = TestNode.inMemory(genesis, executor); TestNode b = TestNode.inMemory(genesis, executor)) {
      Address alice = TestNode.address(a.suite, 0);
      Address bob = TestNode.address(a.suite, 1);
      Address coinbase = TestNode.address(a.suite, 9);
      Proposal proposal = produce(a, b, List.of(a.transfer(0, 0, bob, 1000, 1_000_000_000L),
          a.transfer(0, 1, bob, 2000, 1_000_000_000L)));
      assertEquals(42_000, proposal.block().header().gasUsed());
      for (TestNode node : List.of(a, b)) {
        assertEquals(UInt256.ZERO, node.balance(alice));
        assertEquals(UInt256.fromLong(6000), node.balance(bob));
        assertEquals(UInt256.ZERO, node.balance(coinbase));
      }
    }
  }

  /** EXECUTION-5: a commit survives closing and reopening the RocksDB store, and the chain goes on. */
  @Test
  void chainContinuesAfterRestart() throws Exception {
    GenesisConfig genesis = TestNode.writeAndLoad(directory, TestNode.genesisJson("standard", "zero-price", FUNDS, ""));
    Path data = directory.resolve("node");
    Address bob = TestNode.address(CryptoSuites.standard(), 1);
    try (TestNode b = TestNode.inMemory(genesis, executor)) {
      try (TestNode a = new TestNode(KeyValueStores.openRocksDb(StoreOptions.of(data, LedgerNamespaces.ALL)),
          genesis, executor)) {
        produce(a, b, List.of(a.transfer(0, 0, bob, 7, 0)));
      }
      try (TestNode a = new TestNode(KeyValueStores.openRocksDb(StoreOptions.of(data, LedgerNamespaces.ALL)),
          genesis, executor)) {
        assertEquals(1, a.head().number());
        produce(a, b, List.of(a.transfer(0, 1, bob, 7, 0)));
        assertEquals(FUNDS.add(BigInteger.valueOf(14)), a.balance(bob).toBigInteger());
      }
    }
  }
}
