package org.xinlian.execution;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.xinlian.common.Address;
import org.xinlian.common.Hash;
import org.xinlian.evm.BlockContext;
import org.xinlian.evm.transaction.ExecutableTransaction;
import org.xinlian.evm.word.UInt256;
import org.xinlian.types.transaction.AccessListEntry;
import org.xinlian.types.transaction.Transaction;
import org.xinlian.types.transaction.VerifiedTransaction;

/** Conversions between the block's types and the EVM's, shared by building and validating. */
final class BlockExecution {
  /**
   * The blob base fee the EVM sees: EIP-4844's minimum. The codec admits no blob transactions, so
   * only BLOBBASEFEE reads it, and a constant keeps every validator's answer the same.
   */
  static final UInt256 BLOB_BASE_FEE = UInt256.ONE;

  private BlockExecution() {}

  /**
   * The block environment. PREVRANDAO is zero: a BFT chain has no beacon randomness, and any value
   * a proposer chose would be a value it could bias, so contracts must not mistake it for entropy.
   */
  static BlockContext context(ExecutionSettings settings, Address coinbase, long number,
      long timestamp, long gasLimit, UInt256 baseFee, java.util.function.LongFunction<Hash> hashes) {
    return new BlockContext(coinbase, number, timestamp, gasLimit, baseFee, UInt256.ZERO,
        UInt256.fromLong(settings.chainId()), BLOB_BASE_FEE, hashes);
  }

  static ExecutableTransaction executable(VerifiedTransaction verified) {
    Transaction transaction = verified.transaction();
    List<ExecutableTransaction.AccessListEntry> accessList = new ArrayList<>();
    for (AccessListEntry entry : transaction.accessList()) {
      List<UInt256> keys = new ArrayList<>(entry.storageKeys().size());
      entry.storageKeys().forEach(key -> keys.add(UInt256.fromBytes(key.toArray())));
      accessList.add(new ExecutableTransaction.AccessListEntry(entry.address(), keys));
    }
    return new ExecutableTransaction(transaction.type().typeByte(), verified.sender(), transaction.to(),
        transaction.nonce(), transaction.gasLimit(), UInt256.fromBigInteger(transaction.value()),
        transaction.data(), UInt256.fromBigInteger(transaction.maxFeePerGas()),
        UInt256.fromBigInteger(transaction.maxPriorityFeePerGas()), accessList, List.of(),
        UInt256.ZERO);
  }

  static ExecutableTransaction message(CallRequest request, long nonce, long gasLimit) {
    UInt256 price = UInt256.fromBigInteger(request.gasPrice());
    return new ExecutableTransaction(2, request.from().orElse(Address.ZERO), request.to(), nonce,
        gasLimit, UInt256.fromBigInteger(request.value()), request.data(), price, price, List.of(),
        List.of(), UInt256.ZERO);
  }

  static Optional<String> withPosition(int position, Hash hash, Optional<String> reason) {
    return reason.map(text -> "transactions." + position + " (" + hash + "): " + text);
  }
}
