package org.xinlian.cli.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import org.xinlian.common.Address;
import org.xinlian.common.Invariants;
import org.xinlian.types.transaction.UnsignedTransaction;

/**
 * The chain id and the fees every benchmark transaction pays: EIP-1559 when the chain reports a
 * base fee (fee cap twice the base fee plus the tip, Ethereum wallets' rule, so a rising base fee
 * during the run does not strand transactions), legacy at {@code eth_gasPrice} otherwise.
 *
 * @param feeCap the EIP-1559 fee cap when it is not the wallets' rule: after {@link #acceptableToAll}
 *     it is the largest cap any of the nodes needs
 */
record ChainFees(long chainId, Optional<BigInteger> baseFee, BigInteger priorityFee, BigInteger gasPrice,
    Optional<BigInteger> feeCap) {

  ChainFees(long chainId, Optional<BigInteger> baseFee, BigInteger priorityFee, BigInteger gasPrice) {
    this(chainId, baseFee, priorityFee, gasPrice, Optional.empty());
  }

  /**
   * Fees that every one of {@code nodes} accepts, so one pre-signed workload runs unchanged on all
   * of them: the same chain id is required (the signature covers it); the tip is the highest any
   * node asks (a legacy node's gas price counts as a tip, since a base-fee-free node charges a
   * dynamic-fee transaction its tip); the fee cap is the highest cap any node needs with that tip
   * (twice its base fee plus the tip, or its gas price). Dynamic-fee transactions when any node
   * has a base fee; legacy at the highest gas price when none has.
   */
  static ChainFees acceptableToAll(List<ChainFees> nodes) {
    Invariants.check(!nodes.isEmpty(), "at least one node");
    long chainId = nodes.get(0).chainId();
    for (ChainFees node : nodes) {
      if (node.chainId() != chainId) {
        throw new BenchException("the nodes report different chain ids (" + chainId + " and " + node.chainId()
            + "): one signed workload cannot be valid on both");
      }
    }
    BigInteger highestGasPrice = nodes.stream().map(ChainFees::gasPrice).reduce(BigInteger.ZERO, BigInteger::max);
    if (nodes.stream().allMatch(node -> node.baseFee().isEmpty())) {
      return new ChainFees(chainId, Optional.empty(), BigInteger.ZERO, highestGasPrice);
    }
    BigInteger tip = nodes.stream()
        .map(node -> node.baseFee().isPresent() ? node.priorityFee() : node.gasPrice())
        .reduce(BigInteger.ZERO, BigInteger::max);
    BigInteger cap = tip;
    BigInteger highestBaseFee = BigInteger.ZERO;
    for (ChainFees node : nodes) {
      BigInteger needed = node.baseFee().map(base -> base.shiftLeft(1).add(tip)).orElse(node.gasPrice());
      cap = cap.max(needed);
      highestBaseFee = highestBaseFee.max(node.baseFee().orElse(BigInteger.ZERO));
    }
    return new ChainFees(chainId, Optional.of(highestBaseFee), tip, highestGasPrice, Optional.of(cap));
  }

  static ChainFees read(JsonRpcClient rpc) {
    long chainId = Quantities.parse(rpc.call("eth_chainId"), "eth_chainId").longValueExact();
    JsonNode latest = rpc.call("eth_getBlockByNumber", "latest", false);
    BigInteger gasPrice = Quantities.parse(rpc.call("eth_gasPrice"), "eth_gasPrice");
    if (!latest.hasNonNull("baseFeePerGas")) {
      return new ChainFees(chainId, Optional.empty(), BigInteger.ZERO, gasPrice);
    }
    BigInteger baseFee = Quantities.parse(latest.get("baseFeePerGas"), "baseFeePerGas");
    BigInteger priority;
    try {
      priority = Quantities.parse(rpc.call("eth_maxPriorityFeePerGas"), "eth_maxPriorityFeePerGas");
    } catch (BenchException e) {
      priority = gasPrice.subtract(baseFee).max(BigInteger.ZERO);
    }
    return new ChainFees(chainId, Optional.of(baseFee), priority, gasPrice);
  }

  /** The most one gas unit can cost, for funding senders. */
  BigInteger maxFeePerGas() {
    return feeCap.orElseGet(() -> baseFee.map(base -> base.shiftLeft(1).add(priorityFee)).orElse(gasPrice));
  }

  String describe() {
    return baseFee.map(base -> "EIP-1559, base fee " + base + " wei, tip " + priorityFee
        + " wei, fee cap " + maxFeePerGas() + " wei").orElse("legacy, gas price " + gasPrice + " wei");
  }

  UnsignedTransaction unsigned(long nonce, long gasLimit, Optional<Address> to, BigInteger value, byte[] data) {
    if (baseFee.isPresent()) {
      return new UnsignedTransaction.DynamicFee(chainId, nonce, priorityFee, maxFeePerGas(), gasLimit, to,
          value, data, List.of());
    }
    return new UnsignedTransaction.Legacy(nonce, gasPrice, gasLimit, to, value, data,
        java.util.OptionalLong.of(chainId));
  }
}
