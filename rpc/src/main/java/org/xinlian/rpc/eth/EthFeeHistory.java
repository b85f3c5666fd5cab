package org.xinlian.rpc.eth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.xinlian.rpc.BlockTag;
import org.xinlian.rpc.RpcException;
import org.xinlian.rpc.RpcParams;
import org.xinlian.types.block.Block;
import org.xinlian.types.block.BlockHeader;
import org.xinlian.types.block.Receipt;
import org.xinlian.types.transaction.Transaction;

/**
 * {@code eth_feeHistory [blockCount, newestBlock, rewardPercentiles]} from stored blocks. The base
 * fee is the chain's constant (headers carry none), so every entry, including the next block's,
 * is that constant; rewards are the gas-weighted percentiles of the blocks' effective tips, as
 * geth computes them.
 */
final class EthFeeHistory extends EthMethod {
  /** The most blocks one request covers (geth's limit). */
  static final int FEE_HISTORY_BLOCKS_MAX = 1024;
  /** The most percentiles one request asks for. */
  static final int REWARD_PERCENTILES_MAX = 100;

  EthFeeHistory(EthContext context) {
    super(context);
  }

  @Override
  public String name() {
    return "eth_feeHistory";
  }

  @Override
  public boolean heavy() {
    return true;
  }

  @Override
  public Object execute(RpcParams params) {
    params.requireCount(2, 3);
    long count = params.raw(0).isIntegralNumber() ? params.raw(0).asLong()
        : params.quantityLong(0, "blockCount");
    if (count < 1 || count > FEE_HISTORY_BLOCKS_MAX) {
      throw RpcException.invalidParams("invalid argument 0 (blockCount): must be 1 to "
          + FEE_HISTORY_BLOCKS_MAX + " (FEE_HISTORY_BLOCKS_MAX), got " + count);
    }
    long newest = context.number(params.blockTag(1, "newestBlock"));
    List<Double> percentiles = percentiles(params);
    long oldest = Math.max(0, newest - count + 1);
    BigInteger baseFee = context.baseFee();
    ObjectNode json = EthJson.NODES.objectNode();
    json.put("oldestBlock", EthJson.quantity(oldest));
    ArrayNode baseFees = json.putArray("baseFeePerGas");
    ArrayNode ratios = json.putArray("gasUsedRatio");
    ArrayNode rewards = percentiles == null ? null : json.putArray("reward");
    for (long number = oldest; number <= newest; number++) {
      Block block = context.dependencies.blocks().block(number).orElseThrow();
      BlockHeader header = block.header();
      baseFees.add(EthJson.quantity(baseFee));
      ratios.add(header.gasLimit() == 0 ? 0.0 : (double) header.gasUsed() / header.gasLimit());
      if (rewards != null) {
        rewards.add(rewards(block, percentiles, baseFee));
      }
    }
    baseFees.add(EthJson.quantity(baseFee));
    return json;
  }

  private static List<Double> percentiles(RpcParams params) {
    if (!params.isPresent(2)) {
      return null;
    }
    JsonNode raw = params.raw(2);
    if (!raw.isArray() || raw.size() > REWARD_PERCENTILES_MAX) {
      throw RpcException.invalidParams("invalid argument 2 (rewardPercentiles): expected an array"
          + " of at most " + REWARD_PERCENTILES_MAX + " numbers");
    }
    List<Double> percentiles = new ArrayList<>();
    double previous = 0;
    for (JsonNode value : raw) {
      if (!value.isNumber() || value.asDouble() < previous || value.asDouble() > 100) {
        throw RpcException.invalidParams("invalid argument 2 (rewardPercentiles): expected"
            + " ascending numbers from 0 to 100");
      }
      previous = value.asDouble();
      percentiles.add(previous);
    }
    return percentiles;
  }

  private ArrayNode rewards(Block block, List<Double> percentiles, BigInteger baseFee) {
    ArrayNode result = EthJson.NODES.arrayNode();
    List<Receipt> receipts = context.dependencies.blocks()
        .receipts(context.hash(block.header())).orElseThrow();
    record Tip(BigInteger reward, long gasUsed) {}
    List<Tip> tips = new ArrayList<>();
    long previousGas = 0;
    for (int i = 0; i < receipts.size(); i++) {
      Transaction transaction = block.transactions().get(i);
      BigInteger reward = context.zeroPrice() ? BigInteger.ZERO
          : TransactionJson.effectiveGasPrice(transaction, baseFee).subtract(baseFee).max(BigInteger.ZERO);
      tips.add(new Tip(reward, receipts.get(i).cumulativeGasUsed() - previousGas));
      previousGas = receipts.get(i).cumulativeGasUsed();
    }
    tips.sort(Comparator.comparing(Tip::reward));
    long total = block.header().gasUsed();
    for (double percentile : percentiles) {
      if (tips.isEmpty()) {
        result.add("0x0");
        continue;
      }
      double threshold = total * percentile / 100;
      long sum = 0;
      int at = 0;
      while (at < tips.size() - 1 && (sum += tips.get(at).gasUsed()) < threshold) {
        at++;
      }
      result.add(EthJson.quantity(tips.get(at).reward()));
    }
    return result;
  }
}
