package org.xinlian.execution.governance;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.xinlian.common.Address;
import org.xinlian.common.DecodingException;
import org.xinlian.crypto.CryptoSuite;
import org.xinlian.evm.state.WorldState;
import org.xinlian.execution.SystemParameters;
import org.xinlian.execution.governance.GovernanceRecords.Parameter;

/**
 * The {@code governance} section of a genesis file (GOV-1): the consortium a permissioned chain
 * starts with. {@link #check} refuses inconsistent sections naming the field; {@link #write} puts
 * it into the governance contract's storage in the genesis state, so the genesis state root (and
 * hash) covers it.
 */
public record GovernanceGenesis(
    List<Organisation> organisations,
    List<GovernorEntry> governors,
    List<NodeEntry> nodes,
    List<AccountEntry> accounts,
    Map<ProposalKind, VotingRule> votingRules,
    Map<SystemParameters.Key, Long> parameters) {

  public record Organisation(String id, String name, String caCertificatePem, long userQuota) {}

  public record GovernorEntry(Address address, String organisation, long weight) {}

  public record NodeEntry(Address address, String organisation, NodeRole role) {}

  public record AccountEntry(Address address, String organisation, Set<Role> roles) {
    public AccountEntry {
      roles = Set.copyOf(roles);
    }
  }

  public GovernanceGenesis {
    organisations = List.copyOf(organisations);
    governors = List.copyOf(governors);
    nodes = List.copyOf(nodes);
    accounts = List.copyOf(accounts);
    votingRules = Map.copyOf(votingRules);
    parameters = Map.copyOf(parameters);
  }

  /** Refuses a section that is inconsistent in itself or with the genesis validators, naming the field. */
  public void check(CryptoSuite suite, List<Address> validators) {
    String base = "governance.";
    if (organisations.isEmpty() || organisations.size() > Governance.ORGANISATIONS_MAX) {
      throw new DecodingException(base + "organisations", "must hold 1 to " + Governance.ORGANISATIONS_MAX);
    }
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < organisations.size(); i++) {
      Organisation org = organisations.get(i);
      String field = base + "organisations." + i;
      if (!GovernanceTables.isOrganisationId(org.id())) {
        throw new DecodingException(field + ".id", "\"" + org.id() + "\" is not 1 to 32 of a-z 0-9 . _ -");
      }
      if (!ids.add(org.id())) {
        throw new DecodingException(field + ".id", "organisation " + org.id() + " is listed twice");
      }
      int nameBytes = org.name().getBytes(StandardCharsets.UTF_8).length;
      if (nameBytes < 1 || nameBytes > Governance.ORGANISATION_NAME_BYTES_MAX) {
        throw new DecodingException(field + ".name", nameBytes + " bytes, not 1 to "
            + Governance.ORGANISATION_NAME_BYTES_MAX);
      }
      String certificate = ProposalRules.certificateOrWhy(suite, org.caCertificatePem().getBytes(StandardCharsets.US_ASCII));
      if (certificate != null) {
        throw new DecodingException(field + ".caCertificate", certificate);
      }
      if (org.userQuota() < 0 || org.userQuota() > Governance.USER_QUOTA_MAX) {
        throw new DecodingException(field + ".userQuota", "must be 0 to " + Governance.USER_QUOTA_MAX);
      }
    }
    if (governors.isEmpty() || governors.size() > Governance.GOVERNORS_MAX) {
      throw new DecodingException(base + "governors", "must hold 1 to " + Governance.GOVERNORS_MAX);
    }
    Set<Address> seen = new HashSet<>();
    for (int i = 0; i < governors.size(); i++) {
      GovernorEntry governor = governors.get(i);
      String field = base + "governors." + i;
      if (!seen.add(governor.address())) {
        throw new DecodingException(field + ".address", governor.address() + " is listed twice");
      }
      requireOrganisation(ids, governor.organisation(), field + ".organisation");
      if (governor.weight() < 1 || governor.weight() > Governance.WEIGHT_MAX) {
        throw new DecodingException(field + ".weight", "must be 1 to " + Governance.WEIGHT_MAX);
      }
    }
    if (nodes.size() > Governance.NODES_MAX) {
      throw new DecodingException(base + "nodes", "more than " + Governance.NODES_MAX + " nodes");
    }
    seen.clear();
    Set<Address> validatorNodes = new HashSet<>();
    for (int i = 0; i < nodes.size(); i++) {
      NodeEntry node = nodes.get(i);
      String field = base + "nodes." + i;
      if (!seen.add(node.address())) {
        throw new DecodingException(field + ".address", node.address() + " is listed twice");
      }
      requireOrganisation(ids, node.organisation(), field + ".organisation");
      if (node.role() == NodeRole.REMOVED) {
        throw new DecodingException(field + ".role", "must be \"validator\" or \"observer\"");
      }
      if (node.role() == NodeRole.VALIDATOR) {
        if (!validators.contains(node.address())) {
          throw new DecodingException(field + ".role", node.address() + " is not in the top-level validators");
        }
        validatorNodes.add(node.address());
      }
    }
    for (Address validator : validators) {
      if (!validatorNodes.contains(validator)) {
        throw new DecodingException(base + "nodes", "validator " + validator
            + " has no entry with its organisation and role \"validator\"");
      }
    }
    seen.clear();
    for (int i = 0; i < accounts.size(); i++) {
      AccountEntry account = accounts.get(i);
      String field = base + "accounts." + i;
      if (!seen.add(account.address())) {
        throw new DecodingException(field + ".address", account.address() + " is listed twice");
      }
      requireOrganisation(ids, account.organisation(), field + ".organisation");
      if (account.roles().isEmpty()) {
        throw new DecodingException(field + ".roles", "must name at least one role");
      }
    }
    for (Map.Entry<SystemParameters.Key, Long> parameter : parameters.entrySet()) {
      try {
        parameter.getKey().check(parameter.getValue());
      } catch (IllegalArgumentException e) {
        throw new DecodingException(base + "parameters." + parameter.getKey().name(), e.getMessage());
      }
    }
  }

  private static void requireOrganisation(Set<String> ids, String id, String field) {
    if (!ids.contains(id)) {
      throw new DecodingException(field, "no organisation \"" + id + "\"");
    }
  }

  /** Writes the section into the genesis state (GOV-2); the chain's own limits fill unset parameters. */
  public void write(WorldState state, CryptoSuite suite, long blockGasLimit, long blockIntervalMs) {
    GovernanceTables tables = new GovernanceTables(GovernanceStorage.reading(suite, state));
    for (Organisation org : organisations) {
      tables.putOrganisation(org.id(), org.name(), org.caCertificatePem().getBytes(StandardCharsets.US_ASCII),
          org.userQuota());
    }
    for (GovernorEntry governor : governors) {
      tables.putGovernor(governor.address(), governor.organisation(), governor.weight());
    }
    for (NodeEntry node : nodes) {
      tables.putNode(node.address(), node.organisation(), node.role());
    }
    for (AccountEntry account : accounts) {
      int mask = 0;
      for (Role role : account.roles()) {
        mask |= role.bit();
      }
      tables.setRoles(account.address(), mask, account.organisation());
    }
    for (Map.Entry<ProposalKind, VotingRule> rule : votingRules.entrySet()) {
      tables.setRule(rule.getKey(), rule.getValue());
    }
    SystemParameters defaults = SystemParameters.defaults(blockGasLimit, blockIntervalMs);
    for (SystemParameters.Key parameter : SystemParameters.Key.values()) {
      long value = parameters.getOrDefault(parameter, defaults.get(parameter));
      tables.setParameter(new Parameter(parameter.name(), value, 0, 0));
    }
    tables.markInitialised();
    // EIP-161 would delete a touched empty account, and its storage with it.
    state.setNonce(Governance.ADDRESS, 1);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof GovernanceGenesis that && organisations.equals(that.organisations)
        && governors.equals(that.governors) && nodes.equals(that.nodes) && accounts.equals(that.accounts)
        && votingRules.equals(that.votingRules) && parameters.equals(that.parameters);
  }

  @Override
  public int hashCode() {
    return Objects.hash(organisations, governors, nodes, accounts, votingRules, parameters);
  }
}
