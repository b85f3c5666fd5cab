package org.xinlian.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.util.concurrent.Callable;
import org.xinlian.common.Address;
import org.xinlian.common.DecodingException;
import org.xinlian.common.Hash;
import org.xinlian.common.Hex;
import org.xinlian.crypto.CryptoSuite;
import org.xinlian.crypto.CryptoSuites;
import org.xinlian.crypto.Signature;
import org.xinlian.types.transaction.AccessListEntry;
import org.xinlian.types.transaction.Transaction;
import org.xinlian.types.transaction.TransactionCodec;
import org.xinlian.types.transaction.TransactionType;
import org.xinlian.types.transaction.UnsignedTransaction;
import org.xinlian.types.transaction.VerifiedTransaction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code xinlian tx decode}: a signed transaction envelope as JSON. */
@Command(
    name = "decode",
    mixinStandardHelpOptions = true,
    description = {
      "Decode a signed transaction (legacy, EIP-2930 or EIP-1559 envelope, as hex) and print it "
          + "as JSON, with its hash and its sender.",
      "",
      "Quantities (chainId, nonce, gas, fees, value) are decimal strings, so no JSON reader loses "
          + "precision; bytes are 0x-prefixed hex. The sender is recovered from the signature on "
          + "standard chains and taken from the verified embedded public key on gm chains; an "
          + "invalid signature is an error. Addresses are EIP-55 checksummed on standard chains "
          + "and lower case on gm chains."
    })
final class TxDecodeCommand implements Callable<Integer> {
  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final CliEnvironment environment;

  @Parameters(index = "0", paramLabel = "HEX", description = "The signed envelope, with or without 0x.")
  String hex;

  @Option(
      names = "--suite",
      converter = SuiteNameConverter.class,
      paramLabel = "SUITE",
      defaultValue = CryptoSuites.STANDARD,
      description = "The chain's crypto suite: standard or gm (default: ${DEFAULT-VALUE}).")
  String suite;

  TxDecodeCommand(CliEnvironment environment) {
    this.environment = environment;
  }

  @Override
  public Integer call() throws JsonProcessingException {
    byte[] encoded = Hex.decode("transaction", hex.strip());
    if (encoded.length == 0) {
      throw new DecodingException("transaction", "empty input");
    }
    CryptoSuite cryptoSuite = CryptoSuites.byName(suite);
    VerifiedTransaction verified = TransactionCodec.of(cryptoSuite).verify(encoded);
    environment.out().println(MAPPER.writeValueAsString(toJson(verified)));
    return 0;
  }

  private ObjectNode toJson(VerifiedTransaction verified) {
    Transaction transaction = verified.transaction();
    UnsignedTransaction unsigned = transaction.unsigned();
    ObjectNode json = MAPPER.createObjectNode();
    json.put("type", transaction.type().typeByte());
    if (transaction.signedChainId().isPresent()) {
      json.put("chainId", Long.toUnsignedString(transaction.signedChainId().getAsLong()));
    } else {
      json.putNull("chainId");
    }
    json.put("nonce", Long.toUnsignedString(transaction.nonce()));
    json.put("from", address(verified.sender()));
    if (transaction.to().isPresent()) {
      json.put("to", address(transaction.to().get()));
    } else {
      json.putNull("to");
    }
    json.put("value", decimal(transaction.value()));
    json.put("hash", hash(verified.hash()));
    json.put("gasLimit", Long.toUnsignedString(transaction.gasLimit()));
    if (unsigned instanceof UnsignedTransaction.DynamicFee) {
      json.put("maxPriorityFeePerGas", decimal(transaction.maxPriorityFeePerGas()));
      json.put("maxFeePerGas", decimal(transaction.maxFeePerGas()));
    } else {
      json.put("gasPrice", decimal(transaction.maxFeePerGas()));
    }
    json.put("data", Hex.encode(transaction.data()));
    if (transaction.type() != TransactionType.LEGACY) {
      ArrayNode accessList = json.putArray("accessList");
      for (AccessListEntry entry : transaction.accessList()) {
        ObjectNode item = accessList.addObject();
        item.put("address", address(entry.address()));
        ArrayNode keys = item.putArray("storageKeys");
        entry.storageKeys().forEach(key -> keys.add(hash(key)));
      }
    }
    signature(json, transaction);
    json.put("encodedLength", verified.encodedLength());
    return json;
  }

  private void signature(ObjectNode json, Transaction transaction) {
    Signature signature = transaction.signature();
    // Recovery bit: 0 on gm chains, where nothing is recovered (docs/adr/0002).
    int parity = signature.embeddedSignerKey().isPresent() ? 0 : signature.recoveryId();
    if (transaction.type() == TransactionType.LEGACY) {
      long v =
          transaction.signedChainId().isPresent()
              ? 2 * transaction.signedChainId().getAsLong() + 35 + parity
              : 27 + parity;
      json.put("v", Long.toUnsignedString(v));
    } else {
      json.put("yParity", parity);
    }
    json.put("r", scalar(signature.r()));
    json.put("s", scalar(signature.s()));
    signature.embeddedSignerKey().ifPresent(key -> json.put("signerPublicKey", key.toHexString()));
  }

  private String address(Address address) {
    return KeyCommand.formatAddress(suite, address);
  }

  private static String hash(Hash hash) {
    return Hex.encode(hash.toArray());
  }

  private static String decimal(BigInteger value) {
    return value.toString();
  }

  /** Signature scalars as 32-byte hex, as ethers.js shows them. */
  private static String scalar(BigInteger value) {
    String digits = value.toString(16);
    return "0x" + "0".repeat(Math.max(0, 64 - digits.length())) + digits;
  }
}
