package org.xinlian.sdk;

import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.xinlian.common.Address;
import org.xinlian.common.Hash;
import org.xinlian.crypto.CryptoSuite;
import org.xinlian.crypto.PrivateKey;
import org.xinlian.types.transaction.TransactionCodec;
import org.xinlian.types.transaction.UnsignedTransaction;

/**
 * Signs and sends transactions with one key (SDK-5). The envelope is the chain's: Ethereum's on
 * standard chains, the SM2 envelope with the embedded public key on gm chains (docs/adr/0002), both
 * through {@link TransactionCodec}, so the SDK and the node cannot disagree on the format.
 */
public final class Signer {
  /** How long {@link #deploy(XinlianClient, byte[])} waits for the receipt: many block intervals. */
  public static final Duration DEPLOY_TIMEOUT = Duration.ofSeconds(60);

  private final CryptoSuite suite;
  private final PrivateKey key;
  private final Address address;
  private final TransactionCodec codec;

  public Signer(CryptoSuite suite, PrivateKey key) {
    this.suite = Objects.requireNonNull(suite, "suite");
    this.key = Objects.requireNonNull(key, "key");
    if (!suite.name().equals(key.suite())) {
      throw new IllegalArgumentException("key: a " + key.suite() + " key cannot sign for a " + suite.name() + " chain");
    }
    this.address = suite.address(suite.keyPairFromPrivateKey(key.bytes()).publicKey());
    this.codec = TransactionCodec.of(suite);
  }

  /** The account this key controls: Keccak-256 of the public key on standard, SM3 on gm chains. */
  public Address address() {
    return address;
  }

  public CryptoSuite suite() {
    return suite;
  }

  /**
   * The transaction {@code request} becomes on {@code client}'s chain: its chain id, the pending
   * nonce, the estimated gas and the node's fees where the request leaves them open. A chain that
   * reports a base fee gets an EIP-1559 transaction (max fee twice the base fee plus the tip,
   * so a rising base fee does not strand it); other chains get a legacy one at eth_gasPrice.
   */
  public UnsignedTransaction prepare(XinlianClient client, TransactionRequest request) {
    requireSameSuite(client);
    long chainId = client.chainId();
    long nonce = request.nonce().isPresent() ? request.nonce().getAsLong() : client.nonce(address, true);
    long gas = request.gasLimit().isPresent()
        ? request.gasLimit().getAsLong()
        : client.estimateGas(new CallRequest(Optional.of(address), request.to(), request.value(), request.data(),
            OptionalLong.empty()));
    Fees fees = request.fees().orElseGet(() -> suggestedFees(client));
    if (fees instanceof Fees.Dynamic dynamic) {
      return new UnsignedTransaction.DynamicFee(chainId, nonce, dynamic.maxPriorityFeePerGas(),
          dynamic.maxFeePerGas(), gas, request.to(), request.value(), request.data(), List.of());
    }
    Fees.Legacy legacy = (Fees.Legacy) fees;
    return new UnsignedTransaction.Legacy(nonce, legacy.gasPrice(), gas, request.to(), request.value(),
        request.data(), OptionalLong.of(chainId));
  }

  /** The fees the node suggests: see {@link #prepare}. */
  public static Fees suggestedFees(XinlianClient client) {
    Optional<BigInteger> baseFee = client.baseFeePerGas();
    if (baseFee.isEmpty()) {
      return new Fees.Legacy(client.gasPrice());
    }
    BigInteger tip = client.maxPriorityFeePerGas();
    return new Fees.Dynamic(baseFee.get().shiftLeft(1).add(tip), tip);
  }

  /** The signed envelope of {@code unsigned}, ready for eth_sendRawTransaction. */
  public byte[] sign(UnsignedTransaction unsigned) {
    return codec.encode(codec.sign(unsigned, key));
  }

  /** Prepares, signs and submits {@code request}; returns the transaction hash without waiting. */
  public Hash send(XinlianClient client, TransactionRequest request) {
    return client.sendRawTransaction(sign(prepare(client, request)));
  }

  /** Deploys {@code initCode} and waits up to {@link #DEPLOY_TIMEOUT} for the receipt. */
  public TransactionReceipt deploy(XinlianClient client, byte[] initCode) {
    return deploy(client, initCode, DEPLOY_TIMEOUT);
  }

  /**
   * Deploys {@code initCode} and waits for the receipt, which names the new contract.
   *
   * @throws XinlianClientException if the deployment failed (status 0) or no receipt came in time
   */
  public TransactionReceipt deploy(XinlianClient client, byte[] initCode, Duration timeout) {
    Hash hash = send(client, TransactionRequest.deployment(initCode));
    TransactionReceipt receipt = client.waitForReceipt(hash, timeout);
    if (!receipt.success() || receipt.contractAddress().isEmpty()) {
      throw new XinlianClientException("deployment " + hash + " failed in block " + receipt.blockNumber());
    }
    return receipt;
  }

  private void requireSameSuite(XinlianClient client) {
    if (!client.suite().name().equals(suite.name())) {
      throw new IllegalArgumentException("client: connected to a " + client.suite().name()
          + " chain, this signer signs for " + suite.name());
    }
  }
}
