package org.xinlian.execution.governance;

import com.esaulpaugh.headlong.abi.Tuple;
import com.esaulpaugh.headlong.abi.TupleType;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.xinlian.common.Address;
import org.xinlian.crypto.Keccak256;
import org.xinlian.evm.Log;
import org.xinlian.evm.word.UInt256;

/**
 * The events of one governance call (contracts/IXinlianGovernance.sol), ABI-encoded with Keccak
 * topics on both suites, as Solidity emits them, and priced as the EVM prices LOG (GOV-7, GOV-20).
 */
final class GovernanceEvents {
  private static final long LOG_GAS = 375;
  private static final long LOG_TOPIC_GAS = 375;
  private static final long LOG_DATA_BYTE_GAS = 8;

  private final GovernanceStorage.Meter meter;
  private final List<Log> logs = new ArrayList<>();

  GovernanceEvents(GovernanceStorage.Meter meter) {
    this.meter = meter;
  }

  List<Log> logs() {
    return List.copyOf(logs);
  }

  void proposalCreated(long id, ProposalKind kind, Address proposer, byte[] payload, long executeAt, long expiresAt) {
    emit(Governance.ADDRESS, "ProposalCreated(uint64,uint8,address,bytes,uint64,uint64)",
        List.of(word(id), word(kind.code()), word(proposer)), "(bytes,uint64,uint64)",
        payload, BigInteger.valueOf(executeAt), BigInteger.valueOf(expiresAt));
  }

  void voteCast(long id, Address governor, Choice choice, long weight) {
    emit(Governance.ADDRESS, "VoteCast(uint64,address,uint8,uint64)", List.of(word(id), word(governor)),
        "(uint8,uint64)", choice.code(), BigInteger.valueOf(weight));
  }

  void statusChanged(long id, ProposalStatus status) {
    emit(Governance.ADDRESS, "ProposalStatusChanged(uint64,uint8)", List.of(word(id)), "(uint8)", status.code());
  }

  void executionFailed(long id, String reason) {
    emit(Governance.ADDRESS, "ProposalExecutionFailed(uint64,string)", List.of(word(id)), "(string)", reason);
  }

  void governorChanged(Address governor, String organisation, long weight) {
    emit(Governance.ADDRESS, "GovernorChanged(address,string,uint64)", List.of(word(governor)),
        "(string,uint64)", organisation, BigInteger.valueOf(weight));
  }

  void votingRuleChanged(ProposalKind kind, VotingRule rule) {
    emit(Governance.ADDRESS, "VotingRuleChanged(uint8,uint16,uint16)", List.of(word(kind.code())),
        "(uint16,uint16)", rule.quorumBps(), rule.approvalBps());
  }

  void organisationChanged(String id, boolean member) {
    emit(Governance.ADDRESS, "OrganisationChanged(string,bool)", List.of(), "(string,bool)", id, member);
  }

  void nodeChanged(Address node, String organisation, NodeRole role, long activationHeight) {
    emit(Governance.ADDRESS, "NodeChanged(address,string,uint8,uint64)", List.of(word(node)),
        "(string,uint8,uint64)", organisation, role.code(), BigInteger.valueOf(activationHeight));
  }

  void parameterScheduled(String key, long value, long activationHeight) {
    emit(Governance.ADDRESS, "ParameterScheduled(string,uint256,uint64)", List.of(), "(string,uint256,uint64)",
        key, BigInteger.valueOf(value), BigInteger.valueOf(activationHeight));
  }

  void featureScheduled(String feature, long activationHeight) {
    emit(Governance.ADDRESS, "FeatureScheduled(string,uint64)", List.of(), "(string,uint64)",
        feature, BigInteger.valueOf(activationHeight));
  }

  void rolesChanged(Address account, String organisation, int roles) {
    emit(Governance.ADDRESS, "RolesChanged(address,string,uint8)", List.of(word(account)), "(string,uint8)",
        organisation, roles);
  }

  void statusChanged(Address account, AccountStatus status, String reason) {
    emit(Governance.ADDRESS, "StatusChanged(address,uint8,string)", List.of(word(account)), "(uint8,string)",
        status.code(), reason);
  }

  /** ERC-1967's {@code Upgraded(address indexed implementation)}, from the proxy. */
  void upgraded(Address proxy, Address implementation) {
    emit(proxy, "Upgraded(address)", List.of(word(implementation)), "()");
  }

  private void emit(Address from, String signature, List<UInt256> indexed, String dataType, Object... data) {
    List<UInt256> topics = new ArrayList<>();
    topics.add(UInt256.fromBytes(Keccak256.hash(signature.getBytes(StandardCharsets.US_ASCII))));
    topics.addAll(indexed);
    byte[] encoded = data.length == 0 ? new byte[0]
        : TupleType.parse(dataType).encode(Tuple.from(data)).array();
    meter.charge(LOG_GAS + LOG_TOPIC_GAS * topics.size() + LOG_DATA_BYTE_GAS * encoded.length);
    logs.add(new Log(from, topics, encoded));
  }

  private static UInt256 word(long value) {
    return UInt256.fromLong(value);
  }

  private static UInt256 word(Address address) {
    return UInt256.fromBytes(address.toArray());
  }
}
