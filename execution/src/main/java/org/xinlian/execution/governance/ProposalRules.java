package org.xinlian.execution.governance;

import com.esaulpaugh.headlong.abi.Tuple;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.xinlian.common.Address;
import org.xinlian.crypto.CryptoSuite;
import org.xinlian.evm.state.WorldState;
import org.xinlian.evm.word.UInt256;
import org.xinlian.execution.SystemParameters;
import org.xinlian.execution.feature.FeatureSchedule;
import org.xinlian.execution.governance.GovernanceRecords.Account;
import org.xinlian.execution.governance.GovernanceRecords.Node;
import org.xinlian.execution.governance.GovernanceRecords.Parameter;

/**
 * What each proposal kind requires of the state (GOV-3, checked when proposed and again when
 * executed, GOV-7) and what it changes. Each check answers null or the reason, naming the payload
 * field; each application assumes its check passed in the same state.
 */
final class ProposalRules {
  /** ERC-1967's implementation slot: {@code keccak256("eip1967.proxy.implementation") - 1}. */
  static final UInt256 IMPLEMENTATION_SLOT = UInt256.fromBytes(java.util.HexFormat.of().parseHex(
      "360894a13ba1a3210667c828492db98dca3e2076cc3735a920a3ca505d382bbc"));
  /** ERC-1967's admin slot: {@code keccak256("eip1967.proxy.admin") - 1}. */
  static final UInt256 ADMIN_SLOT = UInt256.fromBytes(java.util.HexFormat.of().parseHex(
      "b53127684a568b3173ae13b9f8a6016e243e63b6e8ee1178d6a717850b5d6103"));

  private final CryptoSuite suite;
  private final ValidatorHistory genesisValidators;
  private final WorldState state;
  private final GovernanceTables tables;

  ProposalRules(CryptoSuite suite, ValidatorHistory genesisValidators, WorldState state, GovernanceTables tables) {
    this.suite = suite;
    this.genesisValidators = genesisValidators;
    this.state = state;
    this.tables = tables;
  }

  /** Null when {@code payload} of {@code kind} may be proposed or executed at {@code height}, else why not. */
  String check(ProposalKind kind, Tuple payload, long height) {
    try {
      return switch (kind) {
        case ADD_GOVERNOR -> checkAddGovernor(payload);
        case REMOVE_GOVERNOR -> checkRemoveGovernor(payload);
        case SET_GOVERNOR_WEIGHT -> governorOrWhy(payload, 0) != null ? governorOrWhy(payload, 0)
            : weightOrWhy(payload, 1);
        case SET_VOTING_RULE -> checkRule(payload);
        case ADD_ORGANISATION -> checkAddOrganisation(payload);
        case REMOVE_ORGANISATION -> checkRemoveOrganisation(payload);
        case ADD_VALIDATOR, ADD_OBSERVER -> checkAddNode(kind, payload);
        case REMOVE_NODE -> checkRemoveNode(payload, height);
        case SET_PARAMETER -> checkParameter(payload, height);
        case GRANT_ROLE -> checkGrant(payload);
        case REVOKE_ROLE -> checkRevoke(payload);
        case FREEZE_ACCOUNT, UNFREEZE_ACCOUNT, ABOLISH_ACCOUNT,
            FREEZE_CONTRACT, UNFREEZE_CONTRACT, ABOLISH_CONTRACT -> checkStatus(kind, payload);
        case UPGRADE_CONTRACT -> checkUpgrade(payload);
        case SCHEDULE_FEATURE -> checkFeature(payload, height);
      };
    } catch (IllegalArgumentException e) {
      return e.getMessage();
    }
  }

  /** Applies a checked proposal at {@code height}; events go to {@code events}. */
  void apply(ProposalKind kind, Tuple payload, long height, GovernanceEvents events) {
    switch (kind) {
      case ADD_GOVERNOR -> {
        Address governor = ProposalPayloads.address(payload, 0);
        long weight = ProposalPayloads.number(payload, 2, "payload.weight");
        tables.putGovernor(governor, payload.get(1), weight);
        events.governorChanged(governor, payload.get(1), weight);
      }
      case REMOVE_GOVERNOR -> {
        Address governor = ProposalPayloads.address(payload, 0);
        String organisation = tables.governor(governor).orElseThrow().organisation();
        tables.removeGovernor(governor);
        events.governorChanged(governor, organisation, 0);
      }
      case SET_GOVERNOR_WEIGHT -> {
        Address governor = ProposalPayloads.address(payload, 0);
        String organisation = tables.governor(governor).orElseThrow().organisation();
        long weight = ProposalPayloads.number(payload, 1, "payload.weight");
        tables.putGovernor(governor, organisation, weight);
        events.governorChanged(governor, organisation, weight);
      }
      case SET_VOTING_RULE -> {
        ProposalKind target = ProposalKind.ofCode(payload.get(0)).orElseThrow();
        VotingRule rule = new VotingRule(payload.get(1), payload.get(2));
        tables.setRule(target, rule);
        events.votingRuleChanged(target, rule);
      }
      case ADD_ORGANISATION -> {
        String id = payload.get(0);
        tables.putOrganisation(id, payload.get(1), payload.get(2), payload.<Long>get(3));
        events.organisationChanged(id, true);
      }
      case REMOVE_ORGANISATION -> {
        String id = payload.get(0);
        tables.removeOrganisation(id);
        events.organisationChanged(id, false);
      }
      case ADD_VALIDATOR, ADD_OBSERVER, REMOVE_NODE -> applyNode(kind, payload, height, events);
      case SET_PARAMETER -> {
        String key = payload.get(0);
        long value = payload.<java.math.BigInteger>get(1).longValueExact();
        long activation = ProposalPayloads.number(payload, 2, "payload.activationHeight");
        Parameter current = tables.parameter(key);
        tables.setParameter(new Parameter(key, current.valueAt(height), value, activation));
        events.parameterScheduled(key, value, activation);
      }
      case GRANT_ROLE, REVOKE_ROLE -> {
        Address account = ProposalPayloads.address(payload, 0);
        Role role = Role.ofCode(payload.get(1)).orElseThrow();
        Account current = tables.account(account);
        int roles = kind == ProposalKind.GRANT_ROLE ? current.roles() | role.bit() : current.roles() & ~role.bit();
        String organisation = kind == ProposalKind.GRANT_ROLE ? payload.get(2) : current.organisation();
        tables.setRoles(account, roles, organisation);
        events.rolesChanged(account, roles == 0 ? "" : organisation, roles);
      }
      case FREEZE_ACCOUNT, FREEZE_CONTRACT -> setStatus(payload, AccountStatus.FROZEN, events);
      case UNFREEZE_ACCOUNT, UNFREEZE_CONTRACT -> setStatus(payload, AccountStatus.NORMAL, events);
      case ABOLISH_ACCOUNT, ABOLISH_CONTRACT -> setStatus(payload, AccountStatus.ABOLISHED, events);
      case UPGRADE_CONTRACT -> {
        Address proxy = ProposalPayloads.address(payload, 0);
        Address implementation = ProposalPayloads.address(payload, 1);
        tables.storage().meter().charge(GovernanceStorage.WRITE_CHANGE_GAS);
        state.setStorage(proxy, IMPLEMENTATION_SLOT, UInt256.fromBytes(implementation.toArray()));
        events.upgraded(proxy, implementation);
      }
      case SCHEDULE_FEATURE -> {
        String feature = payload.get(0);
        long activation = ProposalPayloads.number(payload, 1, "payload.activationHeight");
        tables.storage().meter().charge(GovernanceStorage.WRITE_NEW_GAS * 3);
        FeatureSchedule.append(state, feature, activation);
        events.featureScheduled(feature, activation);
      }
      default -> throw new IllegalStateException("governance: no rule for " + kind);
    }
  }

  // ------------------------------------------------------------------ checks

  private String checkAddGovernor(Tuple payload) {
    Address governor = ProposalPayloads.address(payload, 0);
    if (tables.governor(governor).isPresent()) {
      return "payload.governor: " + governor + " is already a governor";
    }
    if (tables.status(governor) == AccountStatus.ABOLISHED) {
      return "payload.governor: " + governor + " is abolished";
    }
    if (tables.governorAddresses().size() >= Governance.GOVERNORS_MAX) {
      return "payload.governor: the committee already has " + Governance.GOVERNORS_MAX + " governors";
    }
    String organisation = organisationOrWhy(payload.get(1), "payload.organisation");
    return organisation != null ? organisation : weightOrWhy(payload, 2);
  }

  private String checkRemoveGovernor(Tuple payload) {
    String why = governorOrWhy(payload, 0);
    if (why != null) {
      return why;
    }
    if (tables.governorAddresses().size() == 1) {
      return "payload.governor: removing " + ProposalPayloads.address(payload, 0) + " would leave no governor";
    }
    return null;
  }

  private String governorOrWhy(Tuple payload, int index) {
    Address governor = ProposalPayloads.address(payload, index);
    return tables.governor(governor).isPresent() ? null
        : "payload." + "governor" + ": " + governor + " is not a governor";
  }

  private static String weightOrWhy(Tuple payload, int index) {
    long weight = ProposalPayloads.number(payload, index, "payload.weight");
    if (weight < 1 || weight > Governance.WEIGHT_MAX) {
      return "payload.weight: " + weight + " is not 1 to " + Governance.WEIGHT_MAX;
    }
    return null;
  }

  private static String checkRule(Tuple payload) {
    int code = payload.get(0);
    if (ProposalKind.ofCode(code).isEmpty()) {
      return "payload.kind: " + code + " is not a proposal kind";
    }
    try {
      new VotingRule(payload.get(1), payload.get(2));
      return null;
    } catch (IllegalArgumentException e) {
      return "payload." + e.getMessage();
    }
  }

  private String checkAddOrganisation(Tuple payload) {
    String id = payload.get(0);
    if (!GovernanceTables.isOrganisationId(id)) {
      return "payload.id: \"" + id + "\" is not 1 to 32 of a-z 0-9 . _ -";
    }
    if (tables.organisationExists(id)) {
      return "payload.id: organisation " + id + " already exists";
    }
    if (tables.organisationCount() >= Governance.ORGANISATIONS_MAX) {
      return "payload.id: the consortium already has " + Governance.ORGANISATIONS_MAX + " organisations";
    }
    String name = payload.get(1);
    int nameBytes = name.getBytes(StandardCharsets.UTF_8).length;
    if (nameBytes < 1 || nameBytes > Governance.ORGANISATION_NAME_BYTES_MAX) {
      return "payload.name: " + nameBytes + " bytes, not 1 to " + Governance.ORGANISATION_NAME_BYTES_MAX;
    }
    String certificate = certificateOrWhy(suite, payload.get(2));
    if (certificate != null) {
      return "payload.caCertificate: " + certificate;
    }
    long quota = payload.<Long>get(3);
    if (quota > Governance.USER_QUOTA_MAX) {
      return "payload.userQuota: " + quota + " is above " + Governance.USER_QUOTA_MAX;
    }
    return null;
  }

  /** Null when {@code pem} is one PEM certificate on the suite's curve, at most 8 KiB, else why not. */
  static String certificateOrWhy(CryptoSuite suite, byte[] pem) {
    if (pem.length == 0 || pem.length > Governance.CA_CERTIFICATE_BYTES_MAX) {
      return pem.length + " bytes, not 1 to " + Governance.CA_CERTIFICATE_BYTES_MAX;
    }
    try {
      suite.certificatePublicKey(suite.certificateFromPem(new String(pem, StandardCharsets.US_ASCII)));
      return null;
    } catch (RuntimeException e) {
      return "not a PEM certificate on the " + suite.name() + " suite's curve (" + e.getMessage() + ")";
    }
  }

  private String checkRemoveOrganisation(Tuple payload) {
    String id = payload.get(0);
    if (!tables.organisationExists(id)) {
      return "payload.id: no organisation \"" + id + "\"";
    }
    if (tables.organisationCount() == 1) {
      return "payload.id: removing " + id + " would leave no organisation";
    }
    for (GovernanceRecords.Governor governor : tables.governors()) {
      if (governor.organisation().equals(id)) {
        return "payload.id: organisation " + id + " still has governor " + governor.account();
      }
    }
    for (Node node : tables.nodes()) {
      if (node.organisation().equals(id) && node.role() != NodeRole.REMOVED) {
        return "payload.id: organisation " + id + " still has node " + node.node();
      }
    }
    return null;
  }

  private String checkAddNode(ProposalKind kind, Tuple payload) {
    Address node = ProposalPayloads.address(payload, 0);
    String organisation = organisationOrWhy(payload.get(1), "payload.organisation");
    if (organisation != null) {
      return organisation;
    }
    Optional<Node> known = tables.node(node);
    NodeRole wanted = kind == ProposalKind.ADD_VALIDATOR ? NodeRole.VALIDATOR : NodeRole.OBSERVER;
    if (known.isPresent() && known.get().role() == wanted) {
      return "payload.node: " + node + " is already " + (wanted == NodeRole.VALIDATOR ? "a validator" : "an observer");
    }
    if (known.isEmpty() && tables.nodeCount() >= Governance.NODES_MAX) {
      return "payload.node: the consortium already has " + Governance.NODES_MAX + " nodes";
    }
    List<Address> validators = ValidatorHistory.latest(state, genesisValidators).validators();
    if (wanted == NodeRole.VALIDATOR && validators.size() >= ValidatorGovernance.VALIDATORS_MAX) {
      return "payload.node: the validator set already has " + ValidatorGovernance.VALIDATORS_MAX + " validators";
    }
    return null;
  }

  private String checkRemoveNode(Tuple payload, long height) {
    Address node = ProposalPayloads.address(payload, 0);
    Optional<Node> known = tables.node(node);
    if (known.isEmpty() || known.get().role() == NodeRole.REMOVED) {
      return "payload.node: " + node + " is not a validator or an observer";
    }
    if (known.get().role() == NodeRole.VALIDATOR) {
      List<Address> validators = ValidatorHistory.latest(state, genesisValidators).validators();
      if (validators.size() == 1 && validators.contains(node)) {
        return "payload.node: removing " + node + " would leave no validator";
      }
    }
    return null;
  }

  private String checkParameter(Tuple payload, long height) {
    String key = payload.get(0);
    Optional<SystemParameters.Key> parameter = SystemParameters.Key.byName(key);
    if (parameter.isEmpty()) {
      return "payload.key: \"" + key + "\" is not a system parameter (" + java.util.Arrays.stream(
          SystemParameters.Key.values()).map(Enum::name).collect(java.util.stream.Collectors.joining(", ")) + ")";
    }
    java.math.BigInteger value = payload.get(1);
    if (value.bitLength() > 63 || !parameter.get().allows(value.longValue())) {
      return "payload.value: " + value + " is outside " + key + "'s range " + parameter.get().min + " to "
          + parameter.get().max;
    }
    long activation = ProposalPayloads.number(payload, 2, "payload.activationHeight");
    long earliest = height + ValidatorGovernance.ACTIVATION_DELAY_HEIGHTS_MIN;
    if (activation < earliest) {
      return "payload.activationHeight: " + activation + " is before " + earliest + ", two blocks after "
          + height;
    }
    if (activation > height + Governance.EXECUTE_AHEAD_BLOCKS_MAX) {
      return "payload.activationHeight: " + activation + " is more than " + Governance.EXECUTE_AHEAD_BLOCKS_MAX
          + " blocks after " + height;
    }
    Parameter current = tables.parameter(key);
    if (current.pendingFrom() != 0 && current.pendingFrom() > height) {
      return "payload.key: " + key + " already changes to " + current.pendingValue() + " at height "
          + current.pendingFrom() + "; a new change waits until then";
    }
    return null;
  }

  /**
   * OPS-81: a well-formed name not yet scheduled, at least two blocks ahead. Whether this release
   * knows the name is deliberately not a rule here (see {@link FeatureSchedule#whyNot}).
   */
  private String checkFeature(Tuple payload, long height) {
    String feature = payload.get(0);
    long activation = ProposalPayloads.number(payload, 1, "payload.activationHeight");
    long earliest = height + ValidatorGovernance.ACTIVATION_DELAY_HEIGHTS_MIN;
    if (activation < earliest) {
      return "payload.activationHeight: " + activation + " is before " + earliest + ", two blocks after " + height;
    }
    if (activation > height + Governance.EXECUTE_AHEAD_BLOCKS_MAX) {
      return "payload.activationHeight: " + activation + " is more than " + Governance.EXECUTE_AHEAD_BLOCKS_MAX
          + " blocks after " + height;
    }
    FeatureSchedule schedule = FeatureSchedule.read(state);
    // The count and two slots per entry, read directly from the state: metered here.
    tables.storage().meter().charge(GovernanceStorage.READ_GAS * (1 + 2L * schedule.entries().size()));
    return schedule.whyNot("payload.feature", feature, activation);
  }

  private String checkGrant(Tuple payload) {
    Address account = ProposalPayloads.address(payload, 0);
    int code = payload.get(1);
    Optional<Role> role = Role.ofCode(code);
    if (role.isEmpty()) {
      return "payload.role: " + code + " is not a role (1 user, 2 operator, 3 auditor, 4 orgAdmin)";
    }
    String organisation = organisationOrWhy(payload.get(2), "payload.organisation");
    if (organisation != null) {
      return organisation;
    }
    Account current = tables.account(account);
    if (current.status() == AccountStatus.ABOLISHED) {
      return "payload.account: " + account + " is abolished";
    }
    if (current.roles() != 0 && !current.organisation().equals(payload.get(2))) {
      return "payload.organisation: " + account + " belongs to " + current.organisation();
    }
    if (current.holds(role.get())) {
      return "payload.role: " + account + " already holds " + role.get().jsonName();
    }
    return null;
  }

  private String checkRevoke(Tuple payload) {
    Address account = ProposalPayloads.address(payload, 0);
    int code = payload.get(1);
    Optional<Role> role = Role.ofCode(code);
    if (role.isEmpty()) {
      return "payload.role: " + code + " is not a role (1 user, 2 operator, 3 auditor, 4 orgAdmin)";
    }
    if (!tables.account(account).holds(role.get())) {
      return "payload.role: " + account + " does not hold " + role.get().jsonName();
    }
    return null;
  }

  private String checkStatus(ProposalKind kind, Tuple payload) {
    Address account = ProposalPayloads.address(payload, 0);
    String reason = payload.get(1);
    if (reason.getBytes(StandardCharsets.UTF_8).length > Governance.REASON_BYTES_MAX) {
      return "payload.reason: more than " + Governance.REASON_BYTES_MAX + " bytes";
    }
    boolean contract = kind == ProposalKind.FREEZE_CONTRACT || kind == ProposalKind.UNFREEZE_CONTRACT
        || kind == ProposalKind.ABOLISH_CONTRACT;
    boolean hasCode = state.code(account).length > 0;
    if (contract && !hasCode) {
      return "payload.account: " + account + " has no code; use " + kind.name().replace("CONTRACT", "ACCOUNT");
    }
    if (!contract && hasCode) {
      return "payload.account: " + account + " is a contract; use " + kind.name().replace("ACCOUNT", "CONTRACT");
    }
    if (account.equals(Governance.ADDRESS) || account.equals(ValidatorGovernance.ADDRESS)) {
      return "payload.account: " + account + " is a system contract";
    }
    AccountStatus status = tables.status(account);
    String what = contract ? "contract " : "account ";
    if (status == AccountStatus.ABOLISHED) {
      return "payload.account: " + what + account + " is abolished";
    }
    boolean freeze = kind == ProposalKind.FREEZE_ACCOUNT || kind == ProposalKind.FREEZE_CONTRACT;
    boolean unfreeze = kind == ProposalKind.UNFREEZE_ACCOUNT || kind == ProposalKind.UNFREEZE_CONTRACT;
    if (freeze && status == AccountStatus.FROZEN) {
      return "payload.account: " + what + account + " is already frozen";
    }
    if (unfreeze && status != AccountStatus.FROZEN) {
      return "payload.account: " + what + account + " is not frozen";
    }
    return null;
  }

  private String checkUpgrade(Tuple payload) {
    Address proxy = ProposalPayloads.address(payload, 0);
    Address implementation = ProposalPayloads.address(payload, 1);
    if (state.code(proxy).length == 0) {
      return "payload.proxy: " + proxy + " has no code";
    }
    UInt256 admin = state.storage(proxy, ADMIN_SLOT);
    tables.storage().meter().charge(GovernanceStorage.READ_GAS);
    if (!admin.equals(UInt256.fromBytes(Governance.ADDRESS.toArray()))) {
      return "payload.proxy: " + proxy + " is not a governed proxy (its ERC-1967 admin is not "
          + Governance.ADDRESS + ")";
    }
    if (state.code(implementation).length == 0) {
      return "payload.implementation: " + implementation + " has no code";
    }
    if (state.storage(proxy, IMPLEMENTATION_SLOT).equals(UInt256.fromBytes(implementation.toArray()))) {
      return "payload.implementation: " + proxy + " already runs " + implementation;
    }
    return null;
  }

  private String organisationOrWhy(String id, String field) {
    return tables.organisationExists(id) ? null : field + ": no organisation \"" + id + "\"";
  }

  // ------------------------------------------------------------------ effects

  private void applyNode(ProposalKind kind, Tuple payload, long height, GovernanceEvents events) {
    Address node = ProposalPayloads.address(payload, 0);
    NodeRole before = tables.node(node).map(Node::role).orElse(NodeRole.REMOVED);
    String organisation = kind == ProposalKind.REMOVE_NODE
        ? tables.node(node).orElseThrow().organisation() : payload.get(1);
    NodeRole after = switch (kind) {
      case ADD_VALIDATOR -> NodeRole.VALIDATOR;
      case ADD_OBSERVER -> NodeRole.OBSERVER;
      default -> NodeRole.REMOVED;
    };
    long activation = height;
    if (before == NodeRole.VALIDATOR || after == NodeRole.VALIDATOR) {
      ValidatorEpoch current = ValidatorHistory.latest(state, genesisValidators);
      if (current.number() > 0 && current.activationHeight() > height) {
        throw new IllegalArgumentException("pending: validator epoch " + current.number()
            + " takes effect at height " + current.activationHeight() + "; a new change waits until then");
      }
      List<Address> validators = new ArrayList<>(current.validators());
      validators.remove(node);
      if (after == NodeRole.VALIDATOR) {
        validators.add(node);
      }
      validators.sort(null);
      activation = height + ValidatorGovernance.ACTIVATION_DELAY_HEIGHTS_MIN;
      tables.storage().meter().charge(GovernanceStorage.WRITE_NEW_GAS * (validators.size() + 3L));
      ValidatorHistory.append(state, new ValidatorEpoch(current.number() + 1, activation, validators));
      if (state.nonce(ValidatorGovernance.ADDRESS) == 0) {
        state.setNonce(ValidatorGovernance.ADDRESS, 1);
      }
    }
    tables.putNode(node, organisation, after);
    events.nodeChanged(node, organisation, after, activation);
  }

  private void setStatus(Tuple payload, AccountStatus status, GovernanceEvents events) {
    Address account = ProposalPayloads.address(payload, 0);
    tables.setStatus(account, status);
    events.statusChanged(account, status, payload.get(1));
  }
}
