package org.xinlian.rpc.eth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
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
      ArrayNode single = EthJson.NODES.arrayNode();
      single.add(rawKeys.get(i));
      byte[] key = RpcParams.of(single).data(0, "storageKeys[" + i + "]");
      if (key.length > UInt256.BYTES) {
        throw RpcException.invalidParams("invalid argument 1 (storageKeys[" + i + "]): a storage"
            + " key has at most 32 bytes, got " + key.length);
      }
      keys.add(UInt256.fromBytes(key));
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
