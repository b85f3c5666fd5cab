package org.xinlian.evm.transaction;

import java.math.BigInteger;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.xinlian.common.Address;
import org.xinlian.evm.AccessPolicy;
import org.xinlian.evm.BlockContext;
import org.xinlian.evm.ExecutionStoppedException;
import org.xinlian.evm.Message;
import org.xinlian.evm.MessageKind;
import org.xinlian.evm.MessageResult;
import org.xinlian.evm.StopSignal;
import org.xinlian.evm.TransactionContext;
import org.xinlian.evm.interpreter.ContractAddresses;
import org.xinlian.evm.interpreter.Gas;
import org.xinlian.evm.interpreter.MessageProcessor;
import org.xinlian.evm.precompile.Precompiles;
import org.xinlian.evm.state.WorldState;
import org.xinlian.evm.word.UInt256;
import org.xinlian.evm.word.Words;

/**
 * Applies one transaction the way Cancun does (Yellow Paper section 6 with EIP-1559, EIP-2929/2930,
 * EIP-3529, EIP-3651, EIP-3860, EIP-4844): validity checks, fee purchase, intrinsic gas, warm sets,
 * the message, refunds capped at a fifth, and the fee split between sender and coinbase. Under
 * {@link FeeMode#ZERO_PRICE} gas is metered the same way but every price is zero (EVM-6). A
 * permissioned chain's {@link AccessPolicy} is asked about the sender, every creation and every
 * message of a transaction, and only about creations for a call (EVM-16).
 */
public final class TransactionProcessor {
  public static final long TRANSACTION_GAS = 21_000;
  public static final long CREATE_TRANSACTION_GAS = 32_000;
  public static final long DATA_ZERO_BYTE_GAS = 4;
  public static final long DATA_NONZERO_BYTE_GAS = 16;
  public static final long ACCESS_LIST_ADDRESS_GAS = 2_400;
  public static final long ACCESS_LIST_STORAGE_KEY_GAS = 1_900;
  public static final long REFUND_QUOTIENT = 5;
  public static final long GAS_PER_BLOB = 131_072;
  public static final int BLOBS_PER_TRANSACTION_MAX = 6;
  private static final byte BLOB_COMMITMENT_VERSION_KZG = 0x01;

  private final Precompiles precompiles;
  private final FeeMode feeMode;
  /** Asked for transactions: the sender, every creation, every message. */
  private final AccessPolicy policy;
  /** Asked for calls nobody includes: creations only, so any account reads frozen contracts. */
  private final AccessPolicy callPolicy;

  /** A processor with Ethereum's fees ({@link FeeMode#ETHEREUM}). */
  public TransactionProcessor(Precompiles precompiles) {
    this(precompiles, FeeMode.ETHEREUM);
  }

  /** A processor for an open chain whose genesis chose {@code feeMode}. */
  public TransactionProcessor(Precompiles precompiles, FeeMode feeMode) {
    this(precompiles, feeMode, AccessPolicy.OPEN);
  }

  /** A processor for a chain whose genesis chose {@code feeMode} and who may do what (EVM-16). */
  public TransactionProcessor(Precompiles precompiles, FeeMode feeMode, AccessPolicy policy) {
    this.precompiles = precompiles;
    this.feeMode = Objects.requireNonNull(feeMode, "feeMode");
    this.policy = Objects.requireNonNull(policy, "policy");
    this.callPolicy = policy == AccessPolicy.OPEN ? AccessPolicy.OPEN : new CreationsOnly(policy);
  }

  public FeeMode feeMode() {
    return feeMode;
  }

  /** The gas a transaction pays before any code runs. */
  public static long intrinsicGas(ExecutableTransaction transaction) {
    long gas = TRANSACTION_GAS;
    byte[] data = transaction.data();
    for (byte b : data) {
      gas += b == 0 ? DATA_ZERO_BYTE_GAS : DATA_NONZERO_BYTE_GAS;
    }
    if (transaction.to().isEmpty()) {
      gas += CREATE_TRANSACTION_GAS + Gas.INITCODE_WORD * ((data.length + 31L) / 32);
    }
    for (ExecutableTransaction.AccessListEntry entry : transaction.accessList()) {
      gas += ACCESS_LIST_ADDRESS_GAS + ACCESS_LIST_STORAGE_KEY_GAS * entry.storageKeys().size();
    }
    return gas;
  }

  /**
   * Applies {@code transaction} to {@code state}, or rejects it leaving the state untouched. Under
   * {@link FeeMode#ZERO_PRICE} the block's base fee and blob base fee count as zero. A sender the
   * access policy refuses is rejected with the policy's reason (GOV-8).
   */
  public TransactionResult process(
      WorldState state, BlockContext givenBlock, ExecutableTransaction transaction) {
    return process(state, givenBlock, transaction, StopSignal.NEVER);
  }

  /**
   * Applies {@code transaction} like {@link #process(WorldState, BlockContext,
   * ExecutableTransaction)}, asking {@code stop} while its code runs. A stop puts the state back
   * exactly as it was before the transaction and throws.
   *
   * @throws ExecutionStoppedException when {@code stop} asked to stop
   */
  public TransactionResult process(WorldState state, BlockContext givenBlock,
      ExecutableTransaction transaction, StopSignal stop) {
    return run(state, givenBlock, transaction, stop, true);
  }

  /**
   * Runs a message nobody will include in a block (JSON-RPC's {@code eth_call} and
   * {@code eth_estimateGas}) like {@link #process(WorldState, BlockContext, ExecutableTransaction,
   * StopSignal)}, except that its gas may exceed the block's gas limit, as geth's calls may: the
   * caller bounds it (the RPC's gas cap) and {@code stop} bounds its time. GASLIMIT still reads
   * the block's. The access policy is asked about creations only (EVM-16): an auditor reads with
   * any {@code from}, and a frozen contract stays readable; a creation whose {@code from} may not
   * create is rejected with the policy's reason, so an estimate of a forbidden deployment fails
   * saying why.
   */
  public TransactionResult processCall(WorldState state, BlockContext givenBlock,
      ExecutableTransaction transaction, StopSignal stop) {
    return run(state, givenBlock, transaction, stop, false);
  }

  /**
   * @param forBlock a transaction for a block ({@link #process}), not a call nobody includes
   *     ({@link #processCall}): it must fit the block's gas limit and the policy asks everything
   */
  private TransactionResult run(WorldState state, BlockContext givenBlock,
      ExecutableTransaction transaction, StopSignal stop, boolean forBlock) {
    int before = state.checkpoint();
    try {
      return apply(state, givenBlock, transaction, stop, forBlock);
    } catch (ExecutionStoppedException e) {
      state.revertTo(before);
      state.finishTransaction();
      throw e;
    }
  }

  private TransactionResult apply(WorldState state, BlockContext givenBlock,
      ExecutableTransaction transaction, StopSignal stop, boolean forBlock) {
    AccessPolicy access = forBlock ? policy : callPolicy;
    if (access != AccessPolicy.OPEN) {
      // Who may do it comes first, before the state changes at all (GOV-8, GOV-9).
      Optional<String> refused = refusedUpFront(state, transaction, forBlock);
      if (refused.isPresent()) {
        return TransactionResult.rejected(refused.get());
      }
    }
    BlockContext block = feeMode == FeeMode.ZERO_PRICE ? withoutFees(givenBlock) : givenBlock;
    String rejection = validate(state, block, transaction, forBlock);
    if (rejection != null) {
      return TransactionResult.rejected(rejection);
    }
    Address sender = transaction.sender();
    boolean charged = feeMode == FeeMode.ETHEREUM;
    UInt256 gasPrice = charged ? effectiveGasPrice(block, transaction) : UInt256.ZERO;
    if (charged) {
      long blobGas = GAS_PER_BLOB * transaction.blobVersionedHashes().size();
      BigInteger purchase = BigInteger.valueOf(transaction.gasLimit()).multiply(gasPrice.toBigInteger())
          .add(BigInteger.valueOf(blobGas).multiply(block.blobBaseFee().toBigInteger()));
      state.setBalance(sender, UInt256.fromBigInteger(state.balance(sender).toBigInteger().subtract(purchase)));
    }
    long nonce = transaction.nonce();
    state.setNonce(sender, nonce + 1);

    state.warmAddress(sender);
    state.warmAddress(block.coinbase());
    for (Address precompile : precompiles.addresses()) {
      state.warmAddress(precompile);
    }
    for (ExecutableTransaction.AccessListEntry entry : transaction.accessList()) {
      state.warmAddress(entry.address());
      for (UInt256 key : entry.storageKeys()) {
        state.warmSlot(entry.address(), key);
      }
    }
    long gas = transaction.gasLimit() - intrinsicGas(transaction);
    Message message;
    if (transaction.to().isPresent()) {
      Address to = transaction.to().get();
      state.warmAddress(to);
      message = new Message(MessageKind.CALL, sender, to, to, transaction.value(), true,
          transaction.data(), state.code(to), gas, 0, false);
    } else {
      Address created = ContractAddresses.create(sender, nonce);
      state.warmAddress(created);
      message = new Message(MessageKind.CREATE, sender, created, created, transaction.value(), true,
          new byte[0], transaction.data(), gas, 0, false);
    }
    TransactionContext context =
        new TransactionContext(sender, gasPrice, transaction.blobVersionedHashes());
    MessageResult result =
        new MessageProcessor(state, block, context, precompiles, stop, access).process(message);

    long gasUsed = transaction.gasLimit() - result.gasLeft();
    long refund = Math.min(Math.max(state.refund(), 0), gasUsed / REFUND_QUOTIENT);
    gasUsed -= refund;
    if (charged) {
      UInt256 senderReturn = Words.mul(UInt256.fromLong(transaction.gasLimit() - gasUsed), gasPrice);
      state.setBalance(sender, Words.add(state.balance(sender), senderReturn));
      UInt256 priorityFee = Words.sub(gasPrice, block.baseFee());
      UInt256 coinbaseFee = Words.mul(UInt256.fromLong(gasUsed), priorityFee);
      state.setBalance(block.coinbase(), Words.add(state.balance(block.coinbase()), coinbaseFee));
    }
    state.finishTransaction();
    return new TransactionResult(Optional.empty(), result.outcome(), gasUsed,
        result.logs(), result.output(), result.createdAddress());
  }

  /**
   * Why the policy refuses the transaction before it runs: for a transaction, its sender (GOV-8);
   * for a call that creates, its {@code from} as creator, as a rejection that names the reason
   * (a refused creation inside the message halts, which says nothing).
   */
  private Optional<String> refusedUpFront(WorldState state, ExecutableTransaction transaction,
      boolean forBlock) {
    boolean creates = transaction.to().isEmpty();
    if (forBlock) {
      return policy.refuseSender(state, transaction.sender(), creates);
    }
    return creates ? policy.refuseCreate(state, transaction.sender()) : Optional.empty();
  }

  /**
   * The policy for calls nobody includes (EVM-16): it refuses creations as {@code policy} does and
   * neither senders nor messages.
   */
  private record CreationsOnly(AccessPolicy policy) implements AccessPolicy {
    @Override
    public Optional<String> refuseSender(WorldState state, Address sender, boolean creates) {
      return Optional.empty();
    }

    @Override
    public Optional<String> refuseCreate(WorldState state, Address creator) {
      return policy.refuseCreate(state, creator);
    }

    @Override
    public Optional<String> refuseMessage(WorldState state, Address contract) {
      return Optional.empty();
    }
  }

  /** The block as a zero-price chain sees it: no base fee, no blob base fee (EVM-6). */
  private static BlockContext withoutFees(BlockContext block) {
    return new BlockContext(block.coinbase(), block.number(), block.timestamp(), block.gasLimit(),
        UInt256.ZERO, block.prevRandao(), block.chainId(), UInt256.ZERO, block.blockHashes());
  }

  private static UInt256 effectiveGasPrice(BlockContext block, ExecutableTransaction transaction) {
    UInt256 tipCapped = Words.add(block.baseFee(), transaction.maxPriorityFeePerGas());
    boolean overflowed = tipCapped.compareTo(block.baseFee()) < 0;
    return !overflowed && tipCapped.compareTo(transaction.maxFeePerGas()) < 0
        ? tipCapped
        : transaction.maxFeePerGas();
  }

  /** Null when valid, else why the transaction cannot be included. */
  private String validate(WorldState state, BlockContext block, ExecutableTransaction transaction,
      boolean withinBlockGasLimit) {
    Address sender = transaction.sender();
    if (transaction.nonce() != state.nonce(sender)) {
      return "nonce: expected " + Long.toUnsignedString(state.nonce(sender)) + " but got "
          + Long.toUnsignedString(transaction.nonce());
    }
    if (transaction.nonce() == -1L) {
      return "nonce: at the maximum (EIP-2681)";
    }
    if (state.code(sender).length != 0) {
      return "sender: has code (EIP-3607)";
    }
    if (withinBlockGasLimit && Long.compareUnsigned(transaction.gasLimit(), block.gasLimit()) > 0) {
      return "gasLimit: above the block gas limit";
    }
    if (transaction.gasLimit() < 0 || intrinsicGas(transaction) > transaction.gasLimit()) {
      return "gasLimit: below the intrinsic gas";
    }
    if (transaction.maxPriorityFeePerGas().compareTo(transaction.maxFeePerGas()) > 0) {
      return "maxPriorityFeePerGas: above maxFeePerGas";
    }
    if (transaction.maxFeePerGas().compareTo(block.baseFee()) < 0) {
      return "maxFeePerGas: below the base fee";
    }
    if (transaction.to().isEmpty() && transaction.data().length > Gas.INITCODE_BYTES_MAX) {
      return "data: initcode above " + Gas.INITCODE_BYTES_MAX + " bytes (EIP-3860)";
    }
    List<UInt256> blobs = transaction.blobVersionedHashes();
    if (transaction.type() == ExecutableTransaction.BLOB_TYPE) {
      if (transaction.to().isEmpty()) {
        return "to: a blob transaction cannot create a contract";
      }
      if (blobs.isEmpty() || blobs.size() > BLOBS_PER_TRANSACTION_MAX) {
        return "blobVersionedHashes: must hold 1 to " + BLOBS_PER_TRANSACTION_MAX + " hashes";
      }
      for (UInt256 hash : blobs) {
        if (hash.toBytes()[0] != BLOB_COMMITMENT_VERSION_KZG) {
          return "blobVersionedHashes: version byte is not 0x01";
        }
      }
      if (transaction.maxFeePerBlobGas().compareTo(block.blobBaseFee()) < 0) {
        return "maxFeePerBlobGas: below the blob base fee";
      }
    }
    if (feeMode == FeeMode.ZERO_PRICE) {
      if (state.balance(sender).compareTo(transaction.value()) < 0) {
        return "sender: balance below value";
      }
      return null;
    }
    BigInteger maximumCost = BigInteger.valueOf(transaction.gasLimit())
        .multiply(transaction.maxFeePerGas().toBigInteger())
        .add(transaction.value().toBigInteger())
        .add(BigInteger.valueOf(GAS_PER_BLOB * blobs.size())
            .multiply(transaction.maxFeePerBlobGas().toBigInteger()));
    if (state.balance(sender).toBigInteger().compareTo(maximumCost) < 0) {
      return "sender: balance below gasLimit * maxFeePerGas + value + blob fees";
    }
    return null;
  }
}
