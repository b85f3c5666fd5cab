package org.xinlian.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.xinlian.common.Address;
import org.xinlian.common.Hash;
import org.xinlian.common.Hex;
import org.xinlian.common.Invariants;
import org.xinlian.crypto.Keccak256;
import org.xinlian.evm.BlockContext;
import org.xinlian.evm.Message;
import org.xinlian.evm.MessageKind;
import org.xinlian.evm.MessageResult;
import org.xinlian.evm.TransactionContext;
import org.xinlian.evm.interpreter.MessageProcessor;
import org.xinlian.evm.precompile.Precompiles;
import org.xinlian.evm.state.InMemoryWorldState;
import org.xinlian.evm.word.UInt256;

/**
 * EVM execution speed in Mgas/s, the unit clients compare themselves in, on the in-memory state.
 * Every workload is set up so that each operation burns exactly the same gas (all storage writes
 * go nonzero to nonzero, every message is its own transaction), so JMH's ops/s times the gas per
 * op printed at setup is gas/s. The {@link GasMeter} auxiliary counter reports that product
 * directly as the secondary result {@code :gas} in gas/s; divide by 10^6 for Mgas/s.
 *
 * <p>Messages go straight to the {@link MessageProcessor}: no intrinsic gas, signature check or
 * fee accounting (that is the transaction processor's and the crypto benchmarks' business).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Thread)
public class EvmBenchmark {
  /** transfer() messages per benchmark operation. */
  static final int TRANSFERS_PER_OP = 100;

  /** Gas each message may use; far above what any workload here needs. */
  static final long MESSAGE_GAS_MAX = 30_000_000L;

  private static final Address SENDER = Address.fromHex("0x1000000000000000000000000000000000000001");
  private static final Address RECIPIENT = Address.fromHex("0x4000000000000000000000000000000000000004");
  private static final Address TOKEN = Address.fromHex("0x2000000000000000000000000000000000000002");
  private static final Address KECCAK_LOOP = Address.fromHex("0x2000000000000000000000000000000000000003");
  private static final Address STORAGE_LOOP = Address.fromHex("0x2000000000000000000000000000000000000004");

  /** ERC-20 selector of transfer(address,uint256): the first 4 bytes of its Keccak-256 (EIP-20). */
  private static final String TRANSFER_SELECTOR = "a9059cbb";

  /** 1000 rounds of KECCAK256 over 1 KiB of memory, each digest fed back into the next input. */
  private static final String KECCAK_LOOP_CODE =
      "6103e8" // 00 PUSH2 1000     rounds left
          + "5b" // 03 JUMPDEST     loop:
          + "610400" // 04 PUSH2 1024   size
          + "6000" // 07 PUSH1 0        offset
          + "20" // 09 KECCAK256       digest of memory[0, 1024)
          + "6000" // 0a PUSH1 0
          + "52" // 0c MSTORE          memory[0, 32) = digest: every round hashes new input
          + "6001" // 0d PUSH1 1
          + "90" // 0f SWAP1
          + "03" // 10 SUB             rounds left - 1
          + "80" // 11 DUP1
          + "6003" // 12 PUSH1 3
          + "57" // 14 JUMPI           back to loop while rounds left != 0
          + "00"; // 15 STOP

  /** Slots 1..256: SLOAD (cold), add 1, SSTORE (warm, nonzero to nonzero), for each slot. */
  private static final String STORAGE_LOOP_CODE =
      "610100" // 00 PUSH2 256      slot = 256
          + "5b" // 03 JUMPDEST     loop:
          + "80" // 04 DUP1
          + "54" // 05 SLOAD           value = storage[slot] (cold: 2100)
          + "6001" // 06 PUSH1 1
          + "01" // 08 ADD             value + 1
          + "81" // 09 DUP2
          + "55" // 0a SSTORE          storage[slot] = value + 1 (warm, clean, nonzero: 2900)
          + "6001" // 0b PUSH1 1
          + "90" // 0d SWAP1
          + "03" // 0e SUB             slot - 1
          + "80" // 0f DUP1
          + "6003" // 10 PUSH1 3
          + "57" // 12 JUMPI           back to loop while slot != 0
          + "00"; // 13 STOP
  private static final int STORAGE_LOOP_SLOTS = 256;

  /** Gas burnt, counted as a rate next to ops/s: gas/s (divide by 10^6 for Mgas/s). */
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  @State(Scope.Thread)
  public static class GasMeter {
    public long gas;

    @Setup(Level.Iteration)
    public void reset() {
      gas = 0;
    }
  }

  private final BlockContext block =
      new BlockContext(
          Address.fromHex("0x3000000000000000000000000000000000000003"), 1, 1_700_000_000L, 30_000_000L,
          UInt256.fromLong(7), UInt256.ZERO, UInt256.ONE, UInt256.ONE,
          number -> Hash.wrap(new byte[32]));
  private final TransactionContext transaction =
      new TransactionContext(SENDER, UInt256.fromLong(10), List.of());

  private InMemoryWorldState state;
  private MessageProcessor processor;
  private byte[] transferInput;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    state = new InMemoryWorldState();
    processor = new MessageProcessor(state, block, transaction, Precompiles.cancun());
    state.setBalance(SENDER, UInt256.fromLong(1_000_000_000_000L));
    install(TOKEN, Hex.decode(resource("/evm/BenchToken.runtime.hex").strip()));
    // balanceOf is slot 0: a holder's balance lives at keccak256(pad32(holder) || pad32(0)).
    // Both start nonzero so every transfer rewrites two nonzero slots and costs the same gas.
    state.setStorage(TOKEN, balanceSlot(SENDER), UInt256.fromLong(Long.MAX_VALUE));
    state.setStorage(TOKEN, balanceSlot(RECIPIENT), UInt256.ONE);
    install(KECCAK_LOOP, Hex.decode(KECCAK_LOOP_CODE));
    install(STORAGE_LOOP, Hex.decode(STORAGE_LOOP_CODE));
    for (int slot = 1; slot <= STORAGE_LOOP_SLOTS; slot++) {
      state.setStorage(STORAGE_LOOP, UInt256.fromLong(slot), UInt256.ONE);
    }
    state.commitInitialState();

    byte[] selector = Hex.decode(TRANSFER_SELECTOR);
    transferInput = new byte[4 + 32 + 32];
    System.arraycopy(selector, 0, transferInput, 0, 4);
    System.arraycopy(RECIPIENT.toArray(), 0, transferInput, 4 + 12, Address.LENGTH);
    transferInput[transferInput.length - 1] = 1;

    System.out.printf("%nEvmBenchmark gas per op: erc20Transfers %d, keccakLoop %d, storageLoop %d%n",
        erc20Transfers(), keccakLoop(), storageLoop());
    // The dry run above must really have moved tokens and written slots, or we time a no-op.
    Invariants.check(
        state.storage(TOKEN, balanceSlot(RECIPIENT)).equals(UInt256.fromLong(1 + TRANSFERS_PER_OP)),
        "the token did not credit the recipient");
    Invariants.check(state.storage(STORAGE_LOOP, UInt256.ONE).equals(UInt256.fromLong(2)),
        "the storage loop did not increment slot 1");
  }

  /** {@value #TRANSFERS_PER_OP} ERC-20 transfers of 1 token unit, each its own transaction. */
  @Benchmark
  public long erc20Transfers(GasMeter meter) {
    long gas = erc20Transfers();
    meter.gas += gas;
    return gas;
  }

  /** 1000 chained KECCAK256 rounds over 1 KiB. */
  @Benchmark
  public long keccakLoop(GasMeter meter) {
    long gas = keccakLoop();
    meter.gas += gas;
    return gas;
  }

  /** 256 cold SLOADs and 256 nonzero-to-nonzero SSTOREs. */
  @Benchmark
  public long storageLoop(GasMeter meter) {
    long gas = storageLoop();
    meter.gas += gas;
    return gas;
  }

  private long erc20Transfers() {
    long gas = 0;
    for (int i = 0; i < TRANSFERS_PER_OP; i++) {
      gas += call(TOKEN, transferInput);
    }
    return gas;
  }

  private long keccakLoop() {
    return call(KECCAK_LOOP, new byte[0]);
  }

  private long storageLoop() {
    return call(STORAGE_LOOP, new byte[0]);
  }

  /** One message as its own transaction; returns the gas it used. */
  private long call(Address contract, byte[] input) {
    state.warmAddress(SENDER);
    state.warmAddress(contract);
    Message message =
        new Message(MessageKind.CALL, SENDER, contract, contract, UInt256.ZERO, true, input,
            state.code(contract), MESSAGE_GAS_MAX, 0, false);
    MessageResult result = processor.process(message);
    state.finishTransaction();
    if (!result.isSuccess()) {
      throw new IllegalStateException("benchmark message to " + contract + " failed: " + result);
    }
    return MESSAGE_GAS_MAX - result.gasLeft();
  }

  private void install(Address address, byte[] code) {
    state.setCode(address, code);
    state.setNonce(address, 1);
  }

  private static UInt256 balanceSlot(Address holder) {
    byte[] preimage = new byte[64];
    System.arraycopy(holder.toArray(), 0, preimage, 12, Address.LENGTH);
    return UInt256.fromBytes(Keccak256.hash(preimage));
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = EvmBenchmark.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IOException("missing benchmark resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
    }
  }
}
