// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.20;

/// @title The consortium governance system contract of a permissioned Xinlian chain.
/// @notice Native code at 0x000000000000000000000000000000000000f101 (docs/adr/0013,
/// docs/spec/governance.md). Contracts and ethers.js/web3j/viem clients call it through this ABI.
/// Every refusal reverts with Error(string) naming the field ("payload.weight: 0 is below 1")
/// and changes nothing. A chain whose genesis has no `governance` section is an open development
/// chain: there is no code at the address and every call to it succeeds without effect.
interface IXinlianGovernance {
    // ---------------------------------------------------------------- enumerations (uint8 on the wire)

    /// Proposal kinds and the ABI-encoded payload each carries (abi.encode of the tuple):
    ///  1 ADD_GOVERNOR        (address governor, string organisation, uint64 weight)
    ///  2 REMOVE_GOVERNOR     (address governor)
    ///  3 SET_GOVERNOR_WEIGHT (address governor, uint64 weight)
    ///  4 SET_VOTING_RULE     (uint8 kind, uint16 quorumBps, uint16 approvalBps)
    ///  5 ADD_ORGANISATION    (string id, string name, bytes caCertificate, uint32 userQuota)
    ///  6 REMOVE_ORGANISATION (string id)
    ///  7 ADD_VALIDATOR       (address node, string organisation)
    ///  8 ADD_OBSERVER        (address node, string organisation)
    ///  9 REMOVE_NODE         (address node)
    /// 10 SET_PARAMETER       (string key, uint256 value, uint64 activationHeight)
    /// 11 GRANT_ROLE          (address account, uint8 role, string organisation)
    /// 12 REVOKE_ROLE         (address account, uint8 role)
    /// 13 FREEZE_ACCOUNT      (address account, string reason)
    /// 14 UNFREEZE_ACCOUNT    (address account, string reason)
    /// 15 ABOLISH_ACCOUNT     (address account, string reason)
    /// 16 FREEZE_CONTRACT     (address account, string reason)
    /// 17 UNFREEZE_CONTRACT   (address account, string reason)
    /// 18 ABOLISH_CONTRACT    (address account, string reason)
    /// 19 UPGRADE_CONTRACT    (address proxy, address implementation)
    /// 20 SCHEDULE_FEATURE    (string feature, uint64 activationHeight): the protocol feature is in
    ///                        force from that height on every node (docs/spec/operations.md OPS-81)
    ///
    /// Roles: 1 USER (may transact), 2 OPERATOR (may transact and deploy), 3 AUDITOR (may transact,
    /// may propose freezes), 4 ORG_ADMIN (may admit users of its organisation without a vote).
    /// Governors may transact and propose everything without holding a role.
    /// Choices: 1 FOR, 2 AGAINST, 3 ABSTAIN.
    /// Proposal status: 1 OPEN, 2 PASSED (waiting for its execution height), 3 REJECTED,
    /// 4 EXPIRED, 5 EXECUTED, 6 REVOKED.
    /// Account and contract status: 0 NORMAL, 1 FROZEN, 2 ABOLISHED.
    /// Node roles: 1 VALIDATOR, 2 OBSERVER, 3 REMOVED.

    struct Proposal {
        uint64 id;
        uint8 kind;
        bytes payload;
        address proposer;
        uint64 createdAt;        // the height of the block that recorded it
        uint64 expiresAt;        // the last height at which it may be voted on
        uint64 executeAt;        // 0: at once when it passes; else the first height it may execute
        uint8 status;
        uint64 forWeight;        // tallied with the governors' current weights
        uint64 againstWeight;
        uint64 abstainWeight;
        uint64 totalWeight;      // all governors' current weight
        string executionError;   // why the last execution attempt failed, empty if none
    }

    struct SignedVote {
        uint8 choice;
        bytes signature;         // the suite's compact signature over voteDigest(id, choice)
    }

    struct Governor {
        address account;
        string organisation;
        uint64 weight;
    }

    struct Organisation {
        string id;
        string name;
        bytes caCertificate;     // DER or PEM, on the chain's suite
        uint32 userQuota;        // users its admins may admit without a vote
        uint32 users;            // users admitted by its admins
    }

    struct Account {
        uint8 roles;             // bit (1 << role) for each role held
        string organisation;
        uint8 status;
        bool governor;
        bool admitted;           // may send transactions now
    }

    struct Node {
        address node;
        string organisation;
        uint8 role;
    }

    // ---------------------------------------------------------------- events

    event ProposalCreated(uint64 indexed id, uint8 indexed kind, address indexed proposer, bytes payload,
        uint64 executeAt, uint64 expiresAt);
    event VoteCast(uint64 indexed id, address indexed governor, uint8 choice, uint64 weight);
    event ProposalStatusChanged(uint64 indexed id, uint8 status);
    event ProposalExecutionFailed(uint64 indexed id, string reason);
    event GovernorChanged(address indexed governor, string organisation, uint64 weight);
    event VotingRuleChanged(uint8 indexed kind, uint16 quorumBps, uint16 approvalBps);
    event OrganisationChanged(string id, bool member);
    event NodeChanged(address indexed node, string organisation, uint8 role, uint64 activationHeight);
    event ParameterScheduled(string key, uint256 value, uint64 activationHeight);
    event FeatureScheduled(string feature, uint64 activationHeight);
    event RolesChanged(address indexed account, string organisation, uint8 roles);
    event StatusChanged(address indexed account, uint8 status, string reason);

    // ---------------------------------------------------------------- proposals and votes

    /// Records a proposal; the proposer must be a governor (an auditor may propose FREEZE_*).
    /// The payload is checked now, against the state now, and again when it executes.
    /// @param executeAt 0 to execute as soon as it passes, else the first height it may execute
    /// @param votingPeriodBlocks 1 to 1,000,000: it may be voted on until createdAt + votingPeriodBlocks
    function propose(uint8 kind, bytes calldata payload, uint64 executeAt, uint64 votingPeriodBlocks)
        external returns (uint64 id);

    /// A governor's vote, once per proposal; the vote that passes a proposal due now executes it.
    function vote(uint64 id, uint8 choice) external;

    /// Votes signed offline by governors, submitted by anyone (each counted as if cast by its signer).
    function submitVotes(uint64 id, SignedVote[] calldata votes) external;

    /// The proposer withdraws an open proposal.
    function revoke(uint64 id) external;

    /// Executes a passed proposal whose execution height has come; anyone may call it.
    function execute(uint64 id) external;

    /// What a governor signs to vote offline: the suite hash of
    /// rlp(["xinlian-governance-vote", chainId, genesisHash, id, payloadHash, choice]).
    function voteDigest(uint64 id, uint8 choice) external view returns (bytes32);

    // ---------------------------------------------------------------- organisation admins

    /// An ORG_ADMIN admits an account of its own organisation as a USER, within the quota.
    function admitUser(address account) external;

    /// An ORG_ADMIN removes a user it (or another admin of its organisation) admitted.
    function removeUser(address account) external;

    // ---------------------------------------------------------------- reads

    function proposalCount() external view returns (uint64);
    function getProposal(uint64 id) external view returns (Proposal memory);
    function voteOf(uint64 id, address governor) external view returns (uint8 choice);
    function governors() external view returns (Governor[] memory);
    function organisations() external view returns (Organisation[] memory);
    function nodes() external view returns (Node[] memory);
    function accountOf(address account) external view returns (Account memory);
    function votingRule(uint8 kind) external view returns (uint16 quorumBps, uint16 approvalBps);
    /// The value in force at the next block, and a scheduled change (0, 0 if none).
    function parameter(string calldata key) external view
        returns (uint256 value, uint256 pendingValue, uint64 pendingFrom);
}
