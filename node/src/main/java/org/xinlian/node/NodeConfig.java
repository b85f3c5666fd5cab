package org.xinlian.node;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import org.xinlian.common.Address;
import org.xinlian.execution.pool.PoolLimits;
import org.xinlian.ledger.state.StateRetention;
import org.xinlian.node.backup.BackupConfig;
import org.xinlian.node.consensus.ConsensusConfig;
import org.xinlian.node.consensus.KeysConfig;
import org.xinlian.node.consensus.P2pConfig;
import org.xinlian.rpc.RpcServerConfig;

/**
 * Everything an operator chooses about one node (docs/spec/node.md, NODE-1); what the chain itself
 * fixes lives in the genesis file. Read from JSON with {@link #load} or {@link #parse}, which
 * refuse unknown fields and name the field of every error.
 *
 * @param dataDirectory the RocksDB directory of the ledger
 * @param genesisFile the chain's genesis file, checked against the ledger at every start
 * @param coinbase who receives priority fees; empty means the genesis's first validator
 * @param rpc where and how JSON-RPC listens
 * @param pool memory bounds of the transaction pool
 * @param minimumPriorityFeePerGas the least priority fee the pool admits, in wei
 * @param stateRetention how many recent block states stay readable
 * @param blockProduction when the single-validator producer makes blocks; a BFT network ignores
 *     it: there the chain's {@code blockIntervalMs} (GOV-15) times proposals, the same on every
 *     validator
 * @param nodeKeyFile the node key (PKCS#8 PEM on the chain's suite): the node's P2P identity and,
 *     when its address is a genesis validator, its consensus key; required with {@code p2p}
 * @param p2p where the node listens and whom it dials; when present the node runs BFT consensus
 *     with its peers instead of the single-validator producer
 * @param consensus the BFT timing, used only with {@code p2p}
 * @param health how the node reports its health and fails stop
 * @param logging where the node process logs, and how its files rotate
 * @param backup where {@code admin_backup} writes online backups; disabled by default
 * @param keys the passphrase source of encrypted key files, or the PKCS#11 token holding the node
 *     key (docs/ops/keys.md)
 * @param rpcSecurity TLS and client authentication of the JSON-RPC listener (OPS-1 to OPS-10)
 */
public record NodeConfig(
    Path dataDirectory,
    Path genesisFile,
    Optional<Address> coinbase,
    RpcServerConfig rpc,
    PoolLimits pool,
    BigInteger minimumPriorityFeePerGas,
    StateRetention stateRetention,
    BlockProduction blockProduction,
    Optional<Path> nodeKeyFile,
    Optional<P2pConfig> p2p,
    ConsensusConfig consensus,
    HealthConfig health,
    LoggingConfig logging,
    BackupConfig backup,
    KeysConfig keys,
    RpcSecurityConfig rpcSecurity) {
  /** geth's and Besu's default: the last 128 block states answer queries. */
  public static final long STATE_RETENTION_BLOCKS_DEFAULT = 128;

  /** A configuration file is a few hundred bytes; anything this large is a wrong path. */
  public static final long CONFIG_FILE_BYTES_MAX = 1024 * 1024;

  /**
   * When blocks are made. Transactions are mined as soon as they arrive, but two blocks are at
   * least {@code minimumSpacingMs} apart so a burst of transactions shares blocks; with
   * {@code emptyBlockIntervalMs} above zero the chain also advances without transactions.
   *
   * @param minimumSpacingMs least time between two blocks, 0 to 3600000
   * @param emptyBlockIntervalMs time after which an empty block is made; 0 means never
   */
  public record BlockProduction(long minimumSpacingMs, long emptyBlockIntervalMs) {
    /** Like anvil's automine: a transaction is in a block almost as soon as it is accepted. */
    public static final long MINIMUM_SPACING_MS_DEFAULT = 0;
    public static final long SPACING_MS_MAX = 3_600_000;

    public BlockProduction {
      if (minimumSpacingMs < 0 || minimumSpacingMs > SPACING_MS_MAX) {
        throw new IllegalArgumentException("blockProduction.minimumSpacingMs: must be 0 to "
            + SPACING_MS_MAX + ", got " + minimumSpacingMs);
      }
      if (emptyBlockIntervalMs < 0 || emptyBlockIntervalMs > SPACING_MS_MAX) {
        throw new IllegalArgumentException("blockProduction.emptyBlockIntervalMs: must be 0 to "
            + SPACING_MS_MAX + ", got " + emptyBlockIntervalMs);
      }
    }

    public static BlockProduction defaults() {
      return new BlockProduction(MINIMUM_SPACING_MS_DEFAULT, 0);
    }
  }

  public NodeConfig {
    Objects.requireNonNull(dataDirectory, "dataDirectory");
    Objects.requireNonNull(genesisFile, "genesisFile");
    Objects.requireNonNull(coinbase, "coinbase");
    Objects.requireNonNull(rpc, "rpc");
    Objects.requireNonNull(pool, "pool");
    Objects.requireNonNull(minimumPriorityFeePerGas, "minimumPriorityFeePerGas");
    if (minimumPriorityFeePerGas.signum() < 0) {
      throw new IllegalArgumentException("minimumPriorityFeePerGas: must not be negative");
    }
    Objects.requireNonNull(stateRetention, "stateRetention");
    Objects.requireNonNull(blockProduction, "blockProduction");
    Objects.requireNonNull(nodeKeyFile, "nodeKeyFile");
    Objects.requireNonNull(p2p, "p2p");
    Objects.requireNonNull(consensus, "consensus");
    Objects.requireNonNull(health, "health");
    Objects.requireNonNull(logging, "logging");
    Objects.requireNonNull(backup, "backup");
    Objects.requireNonNull(keys, "keys");
    Objects.requireNonNull(rpcSecurity, "rpcSecurity");
    if (p2p.isPresent() && nodeKeyFile.isEmpty() && keys.pkcs11().isEmpty()) {
      throw new IllegalArgumentException("nodeKeyFile: required when p2p is set (or keys.pkcs11)");
    }
    if (nodeKeyFile.isPresent() && keys.pkcs11().isPresent()) {
      throw new IllegalArgumentException("nodeKeyFile: not with keys.pkcs11, which holds the node key");
    }
  }

  /** A single-validator node: no P2P, the block producer makes every block. */
  public NodeConfig(Path dataDirectory, Path genesisFile, Optional<Address> coinbase,
      RpcServerConfig rpc, PoolLimits pool, BigInteger minimumPriorityFeePerGas,
      StateRetention stateRetention, BlockProduction blockProduction) {
    this(dataDirectory, genesisFile, coinbase, rpc, pool, minimumPriorityFeePerGas, stateRetention,
        blockProduction, Optional.empty(), Optional.empty(), ConsensusConfig.defaults(),
        HealthConfig.defaults(), LoggingConfig.defaults(), BackupConfig.disabled(), KeysConfig.none(),
        RpcSecurityConfig.none());
  }

  /** A node on {@code dataDirectory} with every default (RPC on 127.0.0.1:8545). */
  public static NodeConfig defaults(Path dataDirectory, Path genesisFile) {
    return new NodeConfig(dataDirectory, genesisFile, Optional.empty(), RpcServerConfig.defaults(),
        PoolLimits.defaults(), BigInteger.ZERO, StateRetention.lastBlocks(STATE_RETENTION_BLOCKS_DEFAULT),
        BlockProduction.defaults());
  }

  public NodeConfig withRpc(RpcServerConfig value) {
    return new NodeConfig(dataDirectory, genesisFile, coinbase, value, pool, minimumPriorityFeePerGas,
        stateRetention, blockProduction, nodeKeyFile, p2p, consensus, health, logging, backup, keys, rpcSecurity);
  }

  public NodeConfig withBlockProduction(BlockProduction value) {
    return new NodeConfig(dataDirectory, genesisFile, coinbase, rpc, pool, minimumPriorityFeePerGas,
        stateRetention, value, nodeKeyFile, p2p, consensus, health, logging, backup, keys, rpcSecurity);
  }

  /** This configuration as a BFT network member with the given key, P2P section and timing. */
  public NodeConfig withBft(Path nodeKey, P2pConfig network, ConsensusConfig timing) {
    return new NodeConfig(dataDirectory, genesisFile, coinbase, rpc, pool, minimumPriorityFeePerGas,
        stateRetention, blockProduction, Optional.of(nodeKey), Optional.of(network), timing, health, logging, backup, keys, rpcSecurity);
  }

  public NodeConfig withBackup(BackupConfig value) {
    return new NodeConfig(dataDirectory, genesisFile, coinbase, rpc, pool, minimumPriorityFeePerGas,
        stateRetention, blockProduction, nodeKeyFile, p2p, consensus, health, logging, value, keys, rpcSecurity);
  }

  /** This configuration with the JSON-RPC listener's TLS and authentication (tests; a file says it in rpc.tls, rpc.auth). */
  public NodeConfig withRpcSecurity(RpcSecurityConfig value) {
    return new NodeConfig(dataDirectory, genesisFile, coinbase, rpc, pool, minimumPriorityFeePerGas,
        stateRetention, blockProduction, nodeKeyFile, p2p, consensus, health, logging, backup, keys, value);
  }

  /** This configuration with other key settings (the command line's --ask-passphrase). */
  public NodeConfig withKeys(KeysConfig value) {
    return new NodeConfig(dataDirectory, genesisFile, coinbase, rpc, pool, minimumPriorityFeePerGas,
        stateRetention, blockProduction, nodeKeyFile, p2p, consensus, health, logging, backup, value, rpcSecurity);
  }

  public NodeConfig withHealth(HealthConfig value) {
    return new NodeConfig(dataDirectory, genesisFile, coinbase, rpc, pool, minimumPriorityFeePerGas,
        stateRetention, blockProduction, nodeKeyFile, p2p, consensus, value, logging, backup, keys, rpcSecurity);
  }

  /**
   * Reads a configuration file; relative paths in it resolve against the file's directory, so a
   * node directory can be moved as a whole.
   */
  public static NodeConfig load(Path file) {
    return NodeConfigJson.load(file);
  }

  /** Parses configuration JSON; relative paths resolve against {@code baseDirectory}. */
  public static NodeConfig parse(byte[] json, Path baseDirectory) {
    return NodeConfigJson.parse(json, baseDirectory);
  }
}
