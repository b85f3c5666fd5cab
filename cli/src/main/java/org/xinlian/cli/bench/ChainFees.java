package org.xinlian.cli.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import org.xinlian.common.Address;
import org.xinlian.types.transaction.UnsignedTransaction;

/**
 * The chain id and the fees every benchmark transaction pays: EIP-1559 when the chain reports a
 * base fee (fee cap twice the base fee plus the tip, Ethereum wallets' rule, so a rising base fee
 * during the run does not strand transactions), legacy at {@code eth_gasPrice} otherwise.
 */
record ChainFees(long chainId, Optional<BigInteger> baseFee, BigInteger priorityFee, BigInteger gasPrice) {

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
    return baseFee.map(base -> base.shiftLeft(1).add(priorityFee)).orElse(gasPrice);
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
