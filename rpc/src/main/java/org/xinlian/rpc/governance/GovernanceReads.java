package org.xinlian.rpc.governance;

import java.util.Optional;
import java.util.function.Function;
import org.xinlian.evm.state.WorldState;
import org.xinlian.execution.genesis.GenesisConfig;
import org.xinlian.execution.governance.GovernanceState;
import org.xinlian.rpc.BlockTag;
import org.xinlian.rpc.RpcErrorCodes;
import org.xinlian.rpc.RpcException;
import org.xinlian.rpc.eth.EthereumRpcDependencies;
import org.xinlian.trie.MissingNodeException;
import org.xinlian.types.block.BlockHeader;

/**
 * What every method of this package shares: the block a tag names (as the Ethereum methods read
 * it, RPC-13: a committed block is final, so every named tag but {@code earliest} is the head) and
 * the governance state after it.
 */
final class GovernanceReads {
  final EthereumRpcDependencies dependencies;
  final GenesisConfig genesis;

  GovernanceReads(EthereumRpcDependencies dependencies, GenesisConfig genesis) {
    this.dependencies = dependencies;
    this.genesis = genesis;
  }

  /** The state after one block: governance is read as of the block after it, the next to be voted in. */
  record Snapshot(BlockHeader header, WorldState state, GovernanceState governance) {
    /** The height a vote or an execution on this state would have. */
    long nextHeight() {
      return header.number() + 1;
    }
  }

  boolean permissioned() {
    return genesis.permissioned();
  }

  /** Refuses a method that has nothing to read on an open development chain (GOV-1). */
  void requirePermissioned(String method) {
    if (!permissioned()) {
      throw new RpcException(RpcErrorCodes.METHOD_NOT_SUPPORTED, method + ": this is an open development "
          + "chain: its genesis has no governance section, so it has no members, roles or proposals");
    }
  }

  BlockHeader head() {
    return dependencies.blocks().head().orElseThrow(() -> new RpcException(RpcErrorCodes.RESOURCE_UNAVAILABLE,
        "the chain has no genesis block yet"));
  }

  BlockHeader header(BlockTag tag) {
    Optional<BlockHeader> header = switch (tag.kind()) {
      case LATEST, PENDING, SAFE, FINALIZED -> Optional.of(head());
      case EARLIEST -> Optional.of(dependencies.blocks().header(0).orElseGet(this::head));
      case NUMBER -> dependencies.blocks().header(tag.number());
    };
    return header.orElseThrow(() -> new RpcException(RpcErrorCodes.RESOURCE_NOT_FOUND,
        "header not found: block " + tag.number() + " is above the head " + head().number()));
  }

  /** Reads the state after the block {@code tag} names; a state pruned by the node's retention is -32001. */
  <T> T read(BlockTag tag, Function<Snapshot, T> read) {
    BlockHeader header = header(tag);
    try {
      WorldState state = dependencies.states().stateAt(header.stateRoot());
      return read.apply(new Snapshot(header, state, GovernanceState.of(dependencies.suite(), state)));
    } catch (MissingNodeException e) {
      throw new RpcException(RpcErrorCodes.RESOURCE_NOT_FOUND,
          "state of block " + header.number() + " is not available (pruned by the node's retention)");
    }
  }
}
