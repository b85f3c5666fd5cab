package org.xinlian.execution.governance;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.xinlian.common.Address;
import org.xinlian.evm.word.UInt256;
import org.xinlian.execution.governance.GovernanceRecords.Account;
import org.xinlian.execution.governance.GovernanceRecords.Governor;
import org.xinlian.execution.governance.GovernanceRecords.Node;
import org.xinlian.execution.governance.GovernanceRecords.Organisation;
import org.xinlian.execution.governance.GovernanceRecords.Parameter;
import org.xinlian.execution.governance.GovernanceRecords.Proposal;
import org.xinlian.execution.governance.GovernanceRecords.Tally;

/**
 * The tables of governance state over {@link GovernanceStorage} (docs/adr/0013 §1): governors,
 * organisations, nodes, accounts, voting rules, parameters and proposals. Lists keep a count and
 * items by index, and each record its 1-based index, so removal swaps the last item in.
 */
final class GovernanceTables {
  private static final int META = 0;
  private static final int GOVERNOR_LIST = 1;
  private static final int GOVERNOR = 2;
  private static final int ORGANISATION_LIST = 3;
  private static final int ORGANISATION = 4;
  private static final int NODE_LIST = 5;
  private static final int NODE = 6;
  private static final int ACCOUNT = 7;
  private static final int RULE = 8;
  private static final int PARAMETER = 9;
  private static final int PROPOSAL = 10;
  private static final int VOTER = 11;
  private static final int VOTE = 12;
  private static final int OPEN_BY = 13;

  private static final int INDEX = 0;
  private static final int WEIGHT = 1;
  private static final int ORG = 2;
  private static final int ROLES = 3;
  private static final int STATUS = 4;
  private static final int NAME = 5;
  private static final int CERTIFICATE = 6;
  private static final int QUOTA = 7;
  private static final int USERS = 8;
  private static final int ROLE = 9;
  private static final int VIA_ADMIN = 10;

  private static final int P_KIND = 0;
  private static final int P_PROPOSER = 1;
  private static final int P_CREATED = 2;
  private static final int P_EXPIRES = 3;
  private static final int P_EXECUTE = 4;
  private static final int P_STATUS = 5;
  private static final int P_PAYLOAD = 6;
  private static final int P_ERROR = 7;
  private static final int P_VOTERS = 8;

  private final GovernanceStorage storage;

  GovernanceTables(GovernanceStorage storage) {
    this.storage = storage;
  }

  GovernanceStorage storage() {
    return storage;
  }

  // ------------------------------------------------------------------ meta

  boolean initialised() {
    return storage.readLong(storage.slot(META, "initialised")) == 1;
  }

  void markInitialised() {
    storage.writeLong(storage.slot(META, "initialised"), 1);
  }

  long proposalCount() {
    return storage.readLong(storage.slot(META, "proposals"));
  }

  long totalWeight() {
    return storage.readLong(storage.slot(META, "totalWeight"));
  }

  // ------------------------------------------------------------------ governors

  Optional<Governor> governor(Address account) {
    if (storage.readLong(storage.slot(GOVERNOR, account, INDEX)) == 0) {
      return Optional.empty();
    }
    return Optional.of(new Governor(account, readOrg(storage.slot(GOVERNOR, account, ORG)),
        storage.readLong(storage.slot(GOVERNOR, account, WEIGHT))));
  }

  List<Address> governorAddresses() {
    return listAddresses(GOVERNOR_LIST);
  }

  List<Governor> governors() {
    List<Governor> governors = new ArrayList<>();
    for (Address account : governorAddresses()) {
      governors.add(governor(account).orElseThrow());
    }
    return governors;
  }

  void putGovernor(Address account, String organisation, long weight) {
    UInt256 indexSlot = storage.slot(GOVERNOR, account, INDEX);
    long oldWeight = 0;
    if (storage.readLong(indexSlot) == 0) {
      storage.writeLong(indexSlot, listAdd(GOVERNOR_LIST, account));
    } else {
      oldWeight = storage.readLong(storage.slot(GOVERNOR, account, WEIGHT));
    }
    writeOrg(storage.slot(GOVERNOR, account, ORG), organisation);
    storage.writeLong(storage.slot(GOVERNOR, account, WEIGHT), weight);
    storage.writeLong(storage.slot(META, "totalWeight"), totalWeight() - oldWeight + weight);
  }

  void removeGovernor(Address account) {
    long weight = storage.readLong(storage.slot(GOVERNOR, account, WEIGHT));
    listRemove(GOVERNOR_LIST, GOVERNOR, storage.readLong(storage.slot(GOVERNOR, account, INDEX)));
    storage.writeLong(storage.slot(GOVERNOR, account, INDEX), 0);
    storage.writeLong(storage.slot(GOVERNOR, account, WEIGHT), 0);
    storage.write(storage.slot(GOVERNOR, account, ORG), UInt256.ZERO);
    storage.writeLong(storage.slot(META, "totalWeight"), totalWeight() - weight);
  }

  // ------------------------------------------------------------------ organisations

  Optional<Organisation> organisation(String id) {
    if (!isOrganisationId(id) || storage.readLong(storage.slot(ORGANISATION, id, INDEX)) == 0) {
      return Optional.empty();
    }
    return Optional.of(new Organisation(id, storage.readString(ORGANISATION, id, NAME),
        storage.readBytes(ORGANISATION, id, CERTIFICATE),
        storage.readLong(storage.slot(ORGANISATION, id, QUOTA)),
        storage.readLong(storage.slot(ORGANISATION, id, USERS))));
  }

  boolean organisationExists(String id) {
    return isOrganisationId(id) && storage.readLong(storage.slot(ORGANISATION, id, INDEX)) != 0;
  }

  List<Organisation> organisations() {
    List<Organisation> organisations = new ArrayList<>();
    long count = listCount(ORGANISATION_LIST);
    for (long i = 1; i <= count; i++) {
      String id = readOrg(storage.slot(ORGANISATION_LIST, i));
      organisations.add(organisation(id).orElseThrow());
    }
    return organisations;
  }

  long organisationCount() {
    return listCount(ORGANISATION_LIST);
  }

  void putOrganisation(String id, String name, byte[] caCertificate, long userQuota) {
    UInt256 indexSlot = storage.slot(ORGANISATION, id, INDEX);
    if (storage.readLong(indexSlot) == 0) {
      long index = listCount(ORGANISATION_LIST) + 1;
      writeOrg(storage.slot(ORGANISATION_LIST, index), id);
      storage.writeLong(storage.slot(ORGANISATION_LIST), index);
      storage.writeLong(indexSlot, index);
    }
    storage.writeString(name, ORGANISATION, id, NAME);
    storage.writeBytes(caCertificate, ORGANISATION, id, CERTIFICATE);
    storage.writeLong(storage.slot(ORGANISATION, id, QUOTA), userQuota);
  }

  void removeOrganisation(String id) {
    long index = storage.readLong(storage.slot(ORGANISATION, id, INDEX));
    long count = listCount(ORGANISATION_LIST);
    if (index != count) {
      String last = readOrg(storage.slot(ORGANISATION_LIST, count));
      writeOrg(storage.slot(ORGANISATION_LIST, index), last);
      storage.writeLong(storage.slot(ORGANISATION, last, INDEX), index);
    }
    storage.write(storage.slot(ORGANISATION_LIST, count), UInt256.ZERO);
    storage.writeLong(storage.slot(ORGANISATION_LIST), count - 1);
    storage.writeLong(storage.slot(ORGANISATION, id, INDEX), 0);
    storage.writeBytes(new byte[0], ORGANISATION, id, NAME);
    storage.writeBytes(new byte[0], ORGANISATION, id, CERTIFICATE);
    storage.writeLong(storage.slot(ORGANISATION, id, QUOTA), 0);
  }

  void addOrganisationUsers(String id, long delta) {
    UInt256 slot = storage.slot(ORGANISATION, id, USERS);
    storage.writeLong(slot, Math.max(0, storage.readLong(slot) + delta));
  }

  // ------------------------------------------------------------------ nodes

  Optional<Node> node(Address address) {
    if (storage.readLong(storage.slot(NODE, address, INDEX)) == 0) {
      return Optional.empty();
    }
    NodeRole role = NodeRole.ofCode((int) storage.readLong(storage.slot(NODE, address, ROLE)))
        .orElse(NodeRole.REMOVED);
    return Optional.of(new Node(address, readOrg(storage.slot(NODE, address, ORG)), role));
  }

  List<Node> nodes() {
    List<Node> nodes = new ArrayList<>();
    for (Address address : listAddresses(NODE_LIST)) {
      nodes.add(node(address).orElseThrow());
    }
    return nodes;
  }

  long nodeCount() {
    return listCount(NODE_LIST);
  }

  /** Records a node's role; a removed node keeps its entry, so its organisation stays on record. */
  void putNode(Address address, String organisation, NodeRole role) {
    UInt256 indexSlot = storage.slot(NODE, address, INDEX);
    if (storage.readLong(indexSlot) == 0) {
      storage.writeLong(indexSlot, listAdd(NODE_LIST, address));
    }
    writeOrg(storage.slot(NODE, address, ORG), organisation);
    storage.writeLong(storage.slot(NODE, address, ROLE), role.code());
  }

  // ------------------------------------------------------------------ accounts

  Account account(Address address) {
    int roles = (int) storage.readLong(storage.slot(ACCOUNT, address, ROLES));
    String organisation = readOrg(storage.slot(ACCOUNT, address, ORG));
    AccountStatus status = AccountStatus.ofCode((int) storage.readLong(storage.slot(ACCOUNT, address, STATUS)));
    boolean governor = storage.readLong(storage.slot(GOVERNOR, address, INDEX)) != 0;
    if (organisation.isEmpty() && governor) {
      organisation = readOrg(storage.slot(GOVERNOR, address, ORG));
    }
    boolean admitted = status == AccountStatus.NORMAL && (roles != 0 || governor);
    return new Account(roles, organisation, status, governor, admitted);
  }

  /** Just the status, for the check every message of a transaction makes (GOV-12): one read. */
  AccountStatus status(Address address) {
    return AccountStatus.ofCode((int) storage.readLong(storage.slot(ACCOUNT, address, STATUS)));
  }

  void setRoles(Address address, int roles, String organisation) {
    storage.writeLong(storage.slot(ACCOUNT, address, ROLES), roles);
    writeOrg(storage.slot(ACCOUNT, address, ORG), roles == 0 ? "" : organisation);
  }

  void setStatus(Address address, AccountStatus status) {
    storage.writeLong(storage.slot(ACCOUNT, address, STATUS), status.code());
  }

  boolean admittedByAdmin(Address address) {
    return storage.readLong(storage.slot(ACCOUNT, address, VIA_ADMIN)) == 1;
  }

  void setAdmittedByAdmin(Address address, boolean byAdmin) {
    storage.writeLong(storage.slot(ACCOUNT, address, VIA_ADMIN), byAdmin ? 1 : 0);
  }

  // ------------------------------------------------------------------ rules and parameters

  VotingRule rule(ProposalKind kind) {
    long packed = storage.readLong(storage.slot(RULE, kind.code()));
    return packed == 0 ? kind.defaultRule() : new VotingRule((int) (packed >>> 16), (int) (packed & 0xffff));
  }

  void setRule(ProposalKind kind, VotingRule rule) {
    storage.writeLong(storage.slot(RULE, kind.code()), ((long) rule.quorumBps() << 16) | rule.approvalBps());
  }

  Parameter parameter(String key) {
    return new Parameter(key, storage.readLong(storage.slot(PARAMETER, key, 0)),
        storage.readLong(storage.slot(PARAMETER, key, 1)), storage.readLong(storage.slot(PARAMETER, key, 2)));
  }

  void setParameter(Parameter parameter) {
    storage.writeLong(storage.slot(PARAMETER, parameter.key(), 0), parameter.value());
    storage.writeLong(storage.slot(PARAMETER, parameter.key(), 1), parameter.pendingValue());
    storage.writeLong(storage.slot(PARAMETER, parameter.key(), 2), parameter.pendingFrom());
  }

  // ------------------------------------------------------------------ proposals

  /** Records a new proposal and returns its id (1, 2, …). */
  long addProposal(ProposalKind kind, byte[] payload, Address proposer, long createdAt, long expiresAt,
      long executeAt) {
    long id = proposalCount() + 1;
    storage.writeLong(storage.slot(META, "proposals"), id);
    storage.writeLong(storage.slot(PROPOSAL, id, P_KIND), kind.code());
    storage.writeAddress(storage.slot(PROPOSAL, id, P_PROPOSER), proposer);
    storage.writeLong(storage.slot(PROPOSAL, id, P_CREATED), createdAt);
    storage.writeLong(storage.slot(PROPOSAL, id, P_EXPIRES), expiresAt);
    storage.writeLong(storage.slot(PROPOSAL, id, P_EXECUTE), executeAt);
    storage.writeLong(storage.slot(PROPOSAL, id, P_STATUS), ProposalStatus.OPEN.code());
    storage.writeBytes(payload, PROPOSAL, id, P_PAYLOAD);
    return id;
  }

  boolean proposalExists(long id) {
    return id >= 1 && id <= proposalCount();
  }

  /** The proposal as of {@code height}: an open one whose voting period ended reads as expired. */
  Proposal proposal(long id, long height) {
    ProposalKind kind = ProposalKind.ofCode((int) storage.readLong(storage.slot(PROPOSAL, id, P_KIND)))
        .orElseThrow(() -> new IllegalStateException("governance: proposal " + id + " has no kind"));
    long expiresAt = storage.readLong(storage.slot(PROPOSAL, id, P_EXPIRES));
    ProposalStatus status = storedStatus(id);
    if (status == ProposalStatus.OPEN && height > expiresAt) {
      status = ProposalStatus.EXPIRED;
    }
    return new Proposal(id, kind, storage.readBytes(PROPOSAL, id, P_PAYLOAD),
        storage.readAddress(storage.slot(PROPOSAL, id, P_PROPOSER)),
        storage.readLong(storage.slot(PROPOSAL, id, P_CREATED)), expiresAt,
        storage.readLong(storage.slot(PROPOSAL, id, P_EXECUTE)), status, tally(id),
        storage.readString(PROPOSAL, id, P_ERROR));
  }

  ProposalStatus storedStatus(long id) {
    return ProposalStatus.ofCode((int) storage.readLong(storage.slot(PROPOSAL, id, P_STATUS)));
  }

  void setStatus(long id, ProposalStatus status) {
    storage.writeLong(storage.slot(PROPOSAL, id, P_STATUS), status.code());
  }

  void setExecutionError(long id, String error) {
    storage.writeString(error, PROPOSAL, id, P_ERROR);
  }

  Optional<Choice> vote(long id, Address governor) {
    return Choice.ofCode((int) storage.readLong(storage.slot(VOTE, id, governor)));
  }

  void addVote(long id, Address governor, Choice choice) {
    storage.writeLong(storage.slot(VOTE, id, governor), choice.code());
    UInt256 countSlot = storage.slot(PROPOSAL, id, P_VOTERS);
    long count = storage.readLong(countSlot) + 1;
    storage.writeAddress(storage.slot(VOTER, id, count), governor);
    storage.writeLong(countSlot, count);
  }

  /** The tally with every governor's current weight; votes of removed governors count nothing (GOV-4). */
  Tally tally(long id) {
    long count = storage.readLong(storage.slot(PROPOSAL, id, P_VOTERS));
    long forWeight = 0;
    long against = 0;
    long abstain = 0;
    for (long i = 1; i <= count; i++) {
      Address voter = storage.readAddress(storage.slot(VOTER, id, i));
      long weight = storage.readLong(storage.slot(GOVERNOR, voter, WEIGHT));
      switch (vote(id, voter).orElseThrow()) {
        case FOR -> forWeight += weight;
        case AGAINST -> against += weight;
        case ABSTAIN -> abstain += weight;
        default -> throw new IllegalStateException();
      }
    }
    return new Tally(forWeight, against, abstain, totalWeight());
  }

  /** The ids of a proposer's proposals that were open when last looked at. */
  List<Long> openProposalsBy(Address proposer) {
    long count = storage.readLong(storage.slot(OPEN_BY, proposer));
    List<Long> ids = new ArrayList<>();
    for (long i = 1; i <= count; i++) {
      ids.add(storage.readLong(storage.slot(OPEN_BY, proposer, i)));
    }
    return ids;
  }

  void setOpenProposalsBy(Address proposer, List<Long> ids) {
    long old = storage.readLong(storage.slot(OPEN_BY, proposer));
    for (int i = 0; i < Math.max(old, ids.size()); i++) {
      storage.writeLong(storage.slot(OPEN_BY, proposer, (long) i + 1), i < ids.size() ? ids.get(i) : 0);
    }
    storage.writeLong(storage.slot(OPEN_BY, proposer), ids.size());
  }

  // ------------------------------------------------------------------ helpers

  static boolean isOrganisationId(String id) {
    if (id.isEmpty() || id.length() > Governance.ORGANISATION_ID_BYTES_MAX) {
      return false;
    }
    for (int i = 0; i < id.length(); i++) {
      char c = id.charAt(i);
      if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '.' || c == '_' || c == '-')) {
        return false;
      }
    }
    return true;
  }

  /** An organisation id (at most 32 ASCII bytes, GOV-1) in one word, left-aligned; empty as zero. */
  private void writeOrg(UInt256 slot, String id) {
    byte[] word = new byte[UInt256.BYTES];
    byte[] ascii = id.getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(ascii, 0, word, 0, ascii.length);
    storage.write(slot, UInt256.fromBytes(word));
  }

  private String readOrg(UInt256 slot) {
    byte[] word = storage.read(slot).toBytes();
    int length = 0;
    while (length < word.length && word[length] != 0) {
      length++;
    }
    return new String(Arrays.copyOf(word, length), StandardCharsets.US_ASCII);
  }

  private long listCount(int list) {
    return storage.readLong(storage.slot(list));
  }

  private List<Address> listAddresses(int list) {
    long count = listCount(list);
    List<Address> addresses = new ArrayList<>((int) Math.min(count, Governance.NODES_MAX));
    for (long i = 1; i <= count; i++) {
      addresses.add(storage.readAddress(storage.slot(list, i)));
    }
    return addresses;
  }

  /** Appends and returns the new item's 1-based index. */
  private long listAdd(int list, Address address) {
    long index = listCount(list) + 1;
    storage.writeAddress(storage.slot(list, index), address);
    storage.writeLong(storage.slot(list), index);
    return index;
  }

  /** Removes item {@code index} by moving the last one into its place and updating its record's index. */
  private void listRemove(int list, int recordTag, long index) {
    long count = listCount(list);
    if (index != count) {
      Address last = storage.readAddress(storage.slot(list, count));
      storage.writeAddress(storage.slot(list, index), last);
      storage.writeLong(storage.slot(recordTag, last, INDEX), index);
    }
    storage.write(storage.slot(list, count), UInt256.ZERO);
    storage.writeLong(storage.slot(list), count - 1);
  }
}
