package org.xinlian.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.xinlian.common.Address;
import org.xinlian.common.Hash;
import org.xinlian.crypto.Keccak256;
import org.xinlian.evm.BlockContext;
import org.xinlian.evm.Outcome;
import org.xinlian.evm.precompile.Precompiles;
import org.xinlian.evm.state.JournaledWorldState;
import org.xinlian.evm.transaction.ExecutableTransaction;
import org.xinlian.evm.transaction.FeeMode;
import org.xinlian.evm.transaction.TransactionProcessor;
import org.xinlian.evm.transaction.TransactionResult;
import org.xinlian.evm.word.UInt256;

/**
 * "Gas means time" (docs/spec/evm.md EVM-15): each {@link WorstCase} as one transaction of
 * {@code gasLimit} gas through the real transaction processor and interpreter, on the ledger's
 * RocksDB-backed state, with the gm chains' precompiles (Cancun's plus SM3 and SM2). One benchmark
 * operation is one transaction; the {@link GasMeter} counts the gas they used, so its rate is
 * gas/s: divide by 10^6 for Mgas/s (gas used / time). {@link WorstCaseReport} runs this and prints
 * the table with the 20 Mgas/s floor.
 *
 * <p>Every transaction starts from the same committed head in a fresh overlay: nothing one run
 * read stays cached in the EVM's state for the next, and writes are dropped, never committed.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class WorstCaseBenchmark {
  /** The floor every case must reach, in gas per second. */
  public static final long GAS_PER_SECOND_FLOOR = 20_000_000L;

  static final Address CONTRACT = Address.fromHex("0x00000000000000000000000000000000c0de0001");
  private static final Address SENDER = Address.fromHex("0x000000000000000000000000000000005e4de401");
  private static final Address COINBASE = Address.fromHex("0x00000000000000000000000000000000c014ba5e");
  private static final long BLOCK_NUMBER = 1_000;
  /** A run may leave this share of its gas unspent (the loop's last round did not fit). */
  private static final double UNSPENT_SHARE_MAX = 0.1;

  @Param
  public WorstCase workload;

  /** Gas of each transaction: Ethereum's block gas limit by default. */
  @Param("30000000")
  public long gasLimit;

  /** Gas the runs used, reported as a rate next to ops/s: gas/s. */
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  @State(Scope.Thread)
  public static class GasMeter {
    public long gas;

    @Setup(Level.Iteration)
    public void reset() {
      gas = 0;
    }
  }

  private final TransactionProcessor processor =
      new TransactionProcessor(Precompiles.cancunWithGm(), FeeMode.ZERO_PRICE);
  private BlockContext block;
  private Workload built;
  private PersistentState state;
  private long run;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    built = workload.workload();
    checkPrecompileInput(built.precompileCheck());
    block = new BlockContext(COINBASE, BLOCK_NUMBER, 1_700_000_000L, Math.max(gasLimit, 30_000_000L),
        UInt256.ZERO, UInt256.fromLong(7), UInt256.ONE, UInt256.ONE,
        number -> Hash.wrap(Keccak256.hash(Long.toString(number).getBytes(StandardCharsets.US_ASCII))));
    state = PersistentState.create(CONTRACT, built.code(), built.contents());
    // One run before timing: it must succeed and spend (nearly) all its gas, or we would time
    // a transaction that stopped early.
    TransactionResult first = execute();
    System.out.printf("%nWorstCaseBenchmark %s: %,d gas per transaction of %,d (code %,d bytes)%n",
        workload, first.gasUsed(), gasLimit, built.code().length);
    if (first.isRejected() || first.outcome() != Outcome.SUCCESS) {
      throw new IllegalStateException(workload + ": the transaction did not succeed: " + first);
    }
    if (first.gasUsed() < gasLimit * (1 - UNSPENT_SHARE_MAX)) {
      throw new IllegalStateException(workload + ": used only " + first.gasUsed() + " of " + gasLimit + " gas");
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    state.close();
  }

  /** One transaction of {@code gasLimit} gas running the worst case. */
  @Benchmark
  public long transaction(GasMeter meter) {
    long gas = execute().gasUsed();
    meter.gas += gas;
    return gas;
  }

  private TransactionResult execute() {
    JournaledWorldState head = state.head();
    ExecutableTransaction transaction = new ExecutableTransaction(2, SENDER, Optional.of(CONTRACT), 0,
        gasLimit, UInt256.ZERO, built.calldata().apply(run++), UInt256.ZERO, UInt256.ZERO, List.of(),
        List.of(), UInt256.ZERO);
    return processor.process(head, block, transaction);
  }

  private static void checkPrecompileInput(Optional<Workload.PrecompileCheck> check) {
    check.ifPresent(call -> {
      Optional<Precompiles.Result> result = Precompiles.cancunWithGm().run(call.address(), call.input(), Long.MAX_VALUE);
      if (result.isEmpty() || !call.expected().test(result.get().output())) {
        throw new IllegalStateException("precompile " + call.address() + " did not answer the benchmark input as expected");
      }
    });
  }
}
