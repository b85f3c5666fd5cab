package org.xinlian.rpc.eth;

import java.math.BigInteger;
import org.xinlian.common.Hash;
import org.xinlian.execution.pool.FeeMode;
import java.util.function.Function;
import org.xinlian.evm.state.JournaledWorldState;
import org.xinlian.trie.MissingNodeException;
import org.xinlian.rpc.BlockTag;
import org.xinlian.rpc.RpcErrorCodes;
import org.xinlian.rpc.RpcException;
import org.xinlian.rpc.RpcLimits;
import org.xinlian.types.block.BlockHeader;

/**
 * The dependencies plus the rules every method shares: what a block tag means on a BFT chain and
 * what gas costs.
 */
final class EthContext {
  final EthereumRpcDependencies dependencies;
  final RpcLimits limits;

  EthContext(EthereumRpcDependencies dependencies, RpcLimits limits) {
    this.dependencies = dependencies;
    this.limits = limits;
  }

  BlockHeader head() {
    return dependencies.blocks().head()
        .orElseThrow(() -> new RpcException(RpcErrorCodes.RESOURCE_UNAVAILABLE,
            "the chain has no genesis block yet"));
  }

  /**
   * The header a tag names. A committed block is final under BFT consensus, so {@code safe} and
   * {@code finalized} are the head; {@code pending} is the head too, since pending transactions
   * are not executed ahead of their block; {@code earliest} is the oldest block stored.
   */
  java.util.Optional<BlockHeader> header(BlockTag tag) {
    switch (tag.kind()) {
      case LATEST:
      case PENDING:
      case SAFE:
      case FINALIZED:
        return java.util.Optional.of(head());
      case EARLIEST:
        return java.util.Optional.of(earliest());
      default:
        return dependencies.blocks().header(tag.number());
    }
  }

  /** The header of a tag that must exist, for state reads: a missing block is -32001. */
  BlockHeader requireHeader(BlockTag tag) {
    return header(tag).orElseThrow(() -> new RpcException(RpcErrorCodes.RESOURCE_NOT_FOUND,
        "header not found: block " + tag.number() + " is above the head " + head().number()));
  }

  long number(BlockTag tag) {
    return requireHeader(tag).number();
  }

  BlockHeader earliest() {
    return dependencies.blocks().header(0).orElseGet(this::head);
  }

  Hash hash(BlockHeader header) {
    return header.hash(dependencies.suite());
  }

  /** Reads the state after a block; a state pruned by the node's retention is -32001. */
  <T> T readState(BlockTag tag, Function<JournaledWorldState, T> read) {
    BlockHeader header = requireHeader(tag);
    try {
      return read.apply(dependencies.states().stateAt(header.stateRoot()));
    } catch (MissingNodeException e) {
      throw new RpcException(RpcErrorCodes.RESOURCE_NOT_FOUND,
          "state of block " + header.number() + " is not available (pruned by the node's retention)");
    }
  }

  boolean zeroPrice() {
    return dependencies.pool().config().feeMode() == FeeMode.ZERO_PRICE;
  }

  /** The chain's constant base fee; zero on zero-price chains. */
  BigInteger baseFee() {
    return zeroPrice() ? BigInteger.ZERO : dependencies.pool().baseFeePerGas();
  }

  /** The least priority fee the pool admits: a tip that gets a transaction into the next block. */
  BigInteger priorityFee() {
    return zeroPrice() ? BigInteger.ZERO : dependencies.pool().config().minimumPriorityFeePerGas();
  }
}
