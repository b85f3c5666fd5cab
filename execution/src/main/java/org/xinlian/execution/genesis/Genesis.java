package org.xinlian.execution.genesis;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.xinlian.common.Address;
import org.xinlian.common.Hash;
import org.xinlian.crypto.CryptoSuite;
import org.xinlian.crypto.CryptoSuites;
import org.xinlian.evm.state.JournaledWorldState;
import org.xinlian.evm.word.UInt256;
import org.xinlian.execution.feature.FeatureSchedule;
import org.xinlian.ledger.LedgerNamespaces;
import org.xinlian.ledger.chain.BlockRoots;
import org.xinlian.ledger.chain.BlockStore;
import org.xinlian.ledger.state.StateDatabase;
import org.xinlian.storage.KeyValueStore;
import org.xinlian.storage.KeyValueStores;
import org.xinlian.storage.WriteBatch;
import org.xinlian.types.block.Block;
import org.xinlian.types.block.BlockHeader;
import org.xinlian.types.block.LogsBloom;

/**
 * Starts a chain from its {@link GenesisConfig} (GENESIS-3 to GENESIS-5): the allocated state, the
 * genesis block and the chain parameters land in one batch, and a restart with the same file is a
 * no-op while any other file is refused before a single byte is written.
 */
public final class Genesis {
  /**
   * META key of the chain parameters that the genesis hash does not cover (fee mode, base fee,
   * block interval, validators): a restart with a file that changes only them must be refused too.
   */
  private static final byte[] PARAMETERS_KEY =
      "execution_genesis_parameters".getBytes(StandardCharsets.US_ASCII);

  private Genesis() {}

  /**
   * The outcome of {@link #initialize}.
   *
   * @param block the genesis block
   * @param hash its hash
   * @param created true when this call wrote it, false when the store already held it
   */
  public record Initialized(Block block, Hash hash, boolean created) {}

  /**
   * Writes the genesis of {@code config} into an empty {@code store} (opened with
   * {@link LedgerNamespaces#ALL}), or checks that the store already holds exactly this genesis.
   *
   * @throws GenesisMismatchException if the store holds another chain
   */
  public static Initialized initialize(GenesisConfig config, KeyValueStore store) {
    CryptoSuite suite = CryptoSuites.byName(config.suite());
    BlockStore blocks = BlockStore.open(store, suite);
    Optional<Hash> existing = blocks.canonicalHash(0);
    if (existing.isPresent()) {
      Block expected = buildInScratchStore(config, suite);
      Hash expectedHash = expected.hash(suite);
      if (!existing.get().equals(expectedHash)) {
        throw new GenesisMismatchException("the store holds genesis " + existing.get()
            + " but the genesis file gives " + expectedHash + "; refusing to mix chains");
      }
      String stored = store.get(LedgerNamespaces.META, PARAMETERS_KEY)
          .map(bytes -> new String(bytes, StandardCharsets.UTF_8)).orElse("");
      String given = parameters(config);
      if (!stored.equals(given)) {
        throw new GenesisMismatchException("the store was started with chain parameters {" + stored
            + "} but the genesis file gives {" + given + "}");
      }
      return new Initialized(expected, expectedHash, false);
    }
    StateDatabase states = new StateDatabase(store, suite);
    try (WriteBatch batch = store.newBatch()) {
      Block block = build(config, suite, states, batch);
      batch.put(LedgerNamespaces.META, PARAMETERS_KEY, parameters(config).getBytes(StandardCharsets.UTF_8));
      Hash hash = blocks.commitGenesis(batch, block, List.of(), config.chainId());
      return new Initialized(block, hash, true);
    }
  }

  /** The genesis block of {@code config}, computed without touching any caller's store. */
  public static Block block(GenesisConfig config) {
    return buildInScratchStore(config, CryptoSuites.byName(config.suite()));
  }

  private static Block buildInScratchStore(GenesisConfig config, CryptoSuite suite) {
    try (KeyValueStore scratch = KeyValueStores.inMemory(LedgerNamespaces.ALL);
        WriteBatch batch = scratch.newBatch()) {
      return build(config, suite, new StateDatabase(scratch, suite), batch);
    }
  }

  private static Block build(GenesisConfig config, CryptoSuite suite, StateDatabase states, WriteBatch batch) {
    JournaledWorldState state = states.headState();
    for (Map.Entry<Address, GenesisConfig.GenesisAccount> entry : config.alloc().entrySet()) {
      Address address = entry.getKey();
      GenesisConfig.GenesisAccount account = entry.getValue();
      state.setBalance(address, account.balance());
      state.setNonce(address, account.nonce());
      byte[] code = account.code();
      if (code.length > 0) {
        state.setCode(address, code);
      }
      for (Map.Entry<UInt256, UInt256> slot : account.storage().entrySet()) {
        state.setStorage(address, slot.getKey(), slot.getValue());
      }
    }
    config.governance().ifPresent(
        section -> section.write(state, suite, config.blockGasLimit(), config.blockIntervalMs()));
    config.features().forEach((name, height) -> FeatureSchedule.append(state, name, height));
    state.commitInitialState();
    Hash stateRoot = states.commit(state, 0, batch).root();
    Hash emptyRoot = BlockRoots.transactionsRoot(suite, List.of());
    BlockHeader header = new BlockHeader(Hash.ZERO, 0, config.timestamp(), Address.ZERO, stateRoot,
        emptyRoot, emptyRoot, LogsBloom.EMPTY, 0, config.blockGasLimit(), config.extraData(),
        new byte[0]);
    return new Block(header, List.of());
  }

  /** The parameters outside the genesis hash, in a fixed text form that names each one. */
  private static String parameters(GenesisConfig config) {
    return "chainId=" + config.chainId() + ", feeMode=" + config.feeMode()
        + ", baseFeePerGas=" + config.baseFeePerGas().toBigInteger()
        + ", blockIntervalMs=" + config.blockIntervalMs() + ", validators=" + config.validators();
  }
}
