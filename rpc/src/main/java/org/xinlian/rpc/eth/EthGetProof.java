package org.xinlian.rpc.eth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.xinlian.common.Address;
import org.xinlian.evm.word.UInt256;
import org.xinlian.ledger.proof.ProofJson;
import org.xinlian.ledger.proof.StateProofs;
import org.xinlian.rpc.BlockTag;
import org.xinlian.rpc.RpcException;
import org.xinlian.rpc.RpcParams;
import org.xinlian.types.block.BlockHeader;

/**
 * {@code eth_getProof [address, storageKeys, block]} (EIP-1186): the account and storage proofs
 * against the block's state root, which a light client checks with AccountProofVerifier.
 */
final class EthGetProof extends EthMethod {
  private static final ObjectMapper JSON = new ObjectMapper();

  EthGetProof(EthContext context) {
    super(context);
  }

  @Override
  public String name() {
    return "eth_getProof";
  }

  /**
   * A storage key as tools send it: 0x-prefixed hex of at most 32 bytes, padded or not (geth
   * accepts both "0x0" and the 32-byte form).
   */
  private static UInt256 storageKey(JsonNode value, int index) {
    String text = value.isTextual() ? value.textValue() : "";
    String digits = text.startsWith("0x") ? text.substring(2) : "";
    boolean hex = !digits.isEmpty() && digits.chars().allMatch(c -> Character.digit(c, 16) >= 0);
    if (!hex || digits.length() > 2 * UInt256.BYTES) {
      throw RpcException.invalidParams("invalid argument 1 (storageKeys[" + index + "]): expected"
          + " 0x-prefixed hex of at most 32 bytes");
    }
    return UInt256.fromBigInteger(new BigInteger(digits, 16));
  }

  @Override
  public boolean heavy() {
    return true;
  }

  @Override
  public Object execute(RpcParams params) {
    params.requireCount(2, 3);
    Address address = params.address(0, "address");
    JsonNode rawKeys = params.raw(1);
    if (!rawKeys.isArray() || rawKeys.size() > StateProofs.STORAGE_KEYS_MAX) {
      throw RpcException.invalidParams("invalid argument 1 (storageKeys): expected an array of at"
          + " most " + StateProofs.STORAGE_KEYS_MAX + " storage keys (STORAGE_KEYS_MAX)");
    }
    List<UInt256> keys = new ArrayList<>();
    for (int i = 0; i < rawKeys.size(); i++) {
      keys.add(storageKey(rawKeys.get(i), i));
    }
    BlockHeader header = context.requireHeader(params.blockTagOr(2, "block", BlockTag.LATEST));
    var proof = StateProofs.prove(context.dependencies.states(), header.stateRoot(), address, keys);
    try {
      return JSON.readTree(ProofJson.toJson(proof));
    } catch (java.io.IOException e) {
      throw new IllegalStateException("eth_getProof: ProofJson produced invalid JSON", e);
    }
  }
}
