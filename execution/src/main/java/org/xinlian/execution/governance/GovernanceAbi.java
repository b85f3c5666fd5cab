package org.xinlian.execution.governance;

import com.esaulpaugh.headlong.abi.Function;

/** The functions of contracts/IXinlianGovernance.sol, as headlong parses them. */
final class GovernanceAbi {
  static final String PROPOSAL_TUPLE =
      "(uint64,uint8,bytes,address,uint64,uint64,uint64,uint8,uint64,uint64,uint64,uint64,string)";

  static final Function PROPOSE = Function.parse("propose(uint8,bytes,uint64,uint64)", "(uint64)");
  static final Function VOTE = Function.parse("vote(uint64,uint8)");
  static final Function SUBMIT_VOTES = Function.parse("submitVotes(uint64,(uint8,bytes)[])");
  static final Function REVOKE = Function.parse("revoke(uint64)");
  static final Function EXECUTE = Function.parse("execute(uint64)");
  static final Function VOTE_DIGEST = Function.parse("voteDigest(uint64,uint8)", "(bytes32)");
  static final Function ADMIT_USER = Function.parse("admitUser(address)");
  static final Function REMOVE_USER = Function.parse("removeUser(address)");
  static final Function PROPOSAL_COUNT = Function.parse("proposalCount()", "(uint64)");
  static final Function GET_PROPOSAL = Function.parse("getProposal(uint64)", "(" + PROPOSAL_TUPLE + ")");
  static final Function VOTE_OF = Function.parse("voteOf(uint64,address)", "(uint8)");
  static final Function GOVERNORS = Function.parse("governors()", "((address,string,uint64)[])");
  static final Function ORGANISATIONS = Function.parse("organisations()", "((string,string,bytes,uint32,uint32)[])");
  static final Function NODES = Function.parse("nodes()", "((address,string,uint8)[])");
  static final Function ACCOUNT_OF = Function.parse("accountOf(address)", "((uint8,string,uint8,bool,bool))");
  static final Function VOTING_RULE = Function.parse("votingRule(uint8)", "(uint16,uint16)");
  static final Function PARAMETER = Function.parse("parameter(string)", "(uint256,uint256,uint64)");

  private GovernanceAbi() {}
}
