package org.xinlian.cli;

import java.io.IOException;
import java.util.Map;
import org.xinlian.crypto.KeyPair;
import org.xinlian.execution.governance.ProposalKind;

/** Makes one proposal and tells the operator what happens next: shared by {@code gov propose} and the shortcuts. */
final class GovProposals {
  private GovProposals() {}

  static int propose(CliEnvironment environment, GovConnection connection, GovSender sender, GovTiming timing,
      ProposalKind kind, Map<String, String> fields) throws IOException {
    byte[] payload = ProposalFields.payload(kind, fields, environment::resolve);
    try (GovernanceSession session = new GovernanceSession(connection, environment)) {
      KeyPair key = sender.keyPair(session.suite, environment);
      long id = session.propose(key, kind, payload, timing);
      var proposal = session.proposal(id);
      environment.out().println("Proposal " + id + " (" + kind + ") made by " + session.suite.address(key.publicKey())
          + " in block " + GovPrint.number(proposal.get("createdAt"), "createdAt") + "; open for votes until height "
          + GovPrint.number(proposal.get("expiresAt"), "expiresAt") + ".");
      environment.out().println("Governors vote with 'xinlian gov vote " + id + " for|against|abstain', or offline "
          + "with 'xinlian gov show " + id + " --out FILE' and 'xinlian gov sign'.");
      return 0;
    }
  }
}
