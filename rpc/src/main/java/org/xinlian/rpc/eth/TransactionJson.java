package org.xinlian.rpc.eth;

import static org.xinlian.rpc.eth.EthJson.address;
import static org.xinlian.rpc.eth.EthJson.data;
import static org.xinlian.rpc.eth.EthJson.hash;
import static org.xinlian.rpc.eth.EthJson.quantity;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.util.List;
import org.xinlian.common.Address;
import org.xinlian.common.Hash;
import org.xinlian.crypto.CryptoSuite;
import org.xinlian.crypto.Signature;
import org.xinlian.evm.interpreter.ContractAddresses;
import org.xinlian.types.block.Log;
import org.xinlian.types.block.Receipt;
import org.xinlian.types.transaction.AccessListEntry;
import org.xinlian.types.transaction.Transaction;
import org.xinlian.types.transaction.TransactionType;

/** Transactions and receipts in the Ethereum execution API's JSON shape. */
final class TransactionJson {
  /** Where a transaction was included; null for a pending one. */
  record Inclusion(Hash blockHash, long blockNumber, int index) {}

  private TransactionJson() {}

  /**
   * A transaction object. {@code gasPrice} of an EIP-1559 transaction is its effective price
   * {@code min(maxFeePerGas, baseFee + maxPriorityFeePerGas)}, as geth reports it. On gm chains the
   * signature has no recovery id (the signer's key is embedded), so {@code v} and {@code yParity}
   * are 0 there.
   */
  static ObjectNode transaction(Transaction transaction, Hash transactionHash, Address sender,
      Inclusion inclusion, BigInteger baseFee, CryptoSuite suite) {
    ObjectNode json = EthJson.NODES.objectNode();
    TransactionType type = transaction.type();
    json.put("type", quantity(type.typeByte()));
    transaction.signedChainId().ifPresent(id -> json.put("chainId", quantity(id)));
    json.put("nonce", quantity(transaction.nonce()));
    json.put("gas", quantity(transaction.gasLimit()));
    json.put("gasPrice", quantity(effectiveGasPrice(transaction, baseFee)));
    if (type == TransactionType.DYNAMIC_FEE) {
      json.put("maxFeePerGas", quantity(transaction.maxFeePerGas()));
      json.put("maxPriorityFeePerGas", quantity(transaction.maxPriorityFeePerGas()));
    }
    if (transaction.to().isPresent()) {
      json.put("to", address(transaction.to().get()));
    } else {
      json.putNull("to");
    }
    json.put("value", quantity(transaction.value()));
    json.put("input", data(transaction.data()));
    if (type != TransactionType.LEGACY) {
      ArrayNode accessList = json.putArray("accessList");
      for (AccessListEntry entry : transaction.accessList()) {
        ObjectNode item = accessList.addObject();
        item.put("address", address(entry.address()));
        ArrayNode keys = item.putArray("storageKeys");
        entry.storageKeys().forEach(key -> keys.add(hash(key)));
      }
    }
    Signature signature = transaction.signature();
    int parity = Math.max(signature.recoveryId(), 0);
    if (type == TransactionType.LEGACY) {
      long v = transaction.signedChainId().isPresent()
          ? parity + 35 + 2 * transaction.signedChainId().getAsLong() : parity + 27;
      json.put("v", quantity(v));
    } else {
      json.put("v", quantity(parity));
      json.put("yParity", quantity(parity));
    }
    json.put("r", quantity(signature.r()));
    json.put("s", quantity(signature.s()));
    json.put("hash", hash(transactionHash));
    json.put("from", address(sender));
    if (inclusion == null) {
      json.putNull("blockHash");
      json.putNull("blockNumber");
      json.putNull("transactionIndex");
    } else {
      json.put("blockHash", hash(inclusion.blockHash()));
      json.put("blockNumber", quantity(inclusion.blockNumber()));
      json.put("transactionIndex", quantity(inclusion.index()));
    }
    return json;
  }

  /** What a transaction pays per gas: its gas price, or the EIP-1559 effective price. */
  static BigInteger effectiveGasPrice(Transaction transaction, BigInteger baseFee) {
    if (transaction.type() != TransactionType.DYNAMIC_FEE) {
      return transaction.maxFeePerGas();
    }
    return transaction.maxFeePerGas().min(baseFee.add(transaction.maxPriorityFeePerGas()));
  }

  /** The number of logs in the receipts before {@code index}: the first logIndex of that receipt. */
  static long firstLogIndex(List<Receipt> receipts, int index) {
    long count = 0;
    for (int i = 0; i < index; i++) {
      count += receipts.get(i).logs().size();
    }
    return count;
  }

  /**
   * A receipt, with what is not stored derived from what is: {@code gasUsed} is the difference of
   * cumulative gas with the previous receipt, {@code contractAddress} the CREATE address of sender
   * and nonce, and {@code effectiveGasPrice} zero on zero-price chains, where nothing is charged.
   */
  static ObjectNode receipt(Transaction transaction, Hash transactionHash, Address sender,
      Inclusion inclusion, List<Receipt> blockReceipts, BigInteger baseFee, boolean zeroPrice) {
    Receipt receipt = blockReceipts.get(inclusion.index());
    long previous = inclusion.index() == 0 ? 0 : blockReceipts.get(inclusion.index() - 1).cumulativeGasUsed();
    ObjectNode json = EthJson.NODES.objectNode();
    json.put("transactionHash", hash(transactionHash));
    json.put("transactionIndex", quantity(inclusion.index()));
    json.put("blockHash", hash(inclusion.blockHash()));
    json.put("blockNumber", quantity(inclusion.blockNumber()));
    json.put("from", address(sender));
    if (transaction.to().isPresent()) {
      json.put("to", address(transaction.to().get()));
      json.putNull("contractAddress");
    } else {
      json.putNull("to");
      json.put("contractAddress", address(ContractAddresses.create(sender, transaction.nonce())));
    }
    json.put("cumulativeGasUsed", quantity(receipt.cumulativeGasUsed()));
    json.put("gasUsed", quantity(receipt.cumulativeGasUsed() - previous));
    ArrayNode logs = json.putArray("logs");
    long logIndex = firstLogIndex(blockReceipts, inclusion.index());
    for (Log log : receipt.logs()) {
      logs.add(EthJson.log(log, inclusion.blockHash(), inclusion.blockNumber(), transactionHash,
          inclusion.index(), logIndex++));
    }
    json.put("logsBloom", data(receipt.logsBloom().toArray()));
    json.put("status", receipt.success() ? "0x1" : "0x0");
    json.put("type", quantity(transaction.type().typeByte()));
    json.put("effectiveGasPrice",
        quantity(zeroPrice ? BigInteger.ZERO : effectiveGasPrice(transaction, baseFee)));
    return json;
  }
}
