package org.xinlian.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.xinlian.common.Address;
import org.xinlian.crypto.CryptoSuite;
import org.xinlian.crypto.KeyPair;
import org.xinlian.execution.governance.Choice;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code xinlian gov sign ID --proposal FILE --choice C --key PEM --out FILE}: an offline vote (GOV-6). */
@Command(
    name = "sign",
    mixinStandardHelpOptions = true,
    description = {
      "Sign a vote on proposal ID without any network: everything the vote is bound to (chain id, "
          + "genesis hash, kind, payload, execution height) comes from the proposal file 'gov show ID "
          + "--out' wrote. Check the fields it prints before you sign: the signature vouches for exactly "
          + "that payload on exactly that chain.",
      "Writes a vote file that anyone submits with 'gov submit'."
    })
final class GovSignCommand implements Callable<Integer> {
  private final CliEnvironment environment;

  @Parameters(index = "0", paramLabel = "ID", description = "The proposal; must be the file's.")
  long id;

  @Option(names = "--proposal", paramLabel = "FILE", required = true, description = "The proposal file.")
  Path proposal;

  @Option(names = "--choice", paramLabel = "CHOICE", required = true, description = "for, against or abstain.")
  String choice;

  @Option(names = "--key", paramLabel = "PEM", required = true, description = "The governor's key on the chain's suite.")
  Path key;

  @Option(names = "--out", paramLabel = "FILE", required = true, description = "The vote file to create.")
  Path out;

  GovSignCommand(CliEnvironment environment) {
    this.environment = environment;
  }

  @Override
  public Integer call() throws IOException {
    GovFiles.Subject subject = GovFiles.readSubject(environment.resolve(proposal));
    if (subject.id() != id) {
      throw new UserException(proposal + " is proposal " + subject.id() + ", not " + id);
    }
    Choice vote = GovVoteCommand.choice(choice, "--choice");
    CryptoSuite suite = subject.cryptoSuite();
    KeyPair keyPair = ValidatorsSignCommand.readKey(environment.resolve(key), suite);
    Address signer = suite.address(keyPair.publicKey());
    byte[] signature = suite.encodeSignature(suite.sign(keyPair.privateKey(), subject.digest(vote)));
    GovFiles.writeVote(environment.resolve(out), new GovFiles.Vote(subject, vote, signer, signature));
    environment.out().println("Proposal " + id + " (" + subject.kind() + ") on chain " + subject.chainId() + ":");
    for (Map.Entry<String, Object> field : subject.fields().entrySet()) {
      environment.out().println(String.format("  %-16s %s", field.getKey(), field.getValue()));
    }
    environment.out().println(signer + " signed " + vote + " into " + out + "; anyone submits it with "
        + "'xinlian gov submit " + out + "'.");
    return 0;
  }
}
