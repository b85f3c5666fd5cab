package org.xinlian.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.xinlian.common.DecodingException;
import org.xinlian.common.Hash;
import org.xinlian.crypto.CryptoSuite;
import org.xinlian.crypto.CryptoSuites;
import org.xinlian.ledger.proof.AccountProof;
import org.xinlian.ledger.proof.AccountProofVerifier;
import org.xinlian.ledger.proof.ProofJson;
import org.xinlian.ledger.proof.ProofVerification;
import org.xinlian.ledger.state.StateHashing;
import org.xinlian.trie.SecureTrie;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code xinlian proof verify}: what a light client does with an answer from an untrusted node
 * (STATE-14, STATE-16), from the command line.
 */
@Command(
    name = "verify",
    mixinStandardHelpOptions = true,
    description = {
      "Check an eth_getProof JSON object (as 'xinlian db proof' or any Ethereum client's "
          + "eth_getProof returns it) against a state root you trust, with no node and no store.",
      "",
      "Prints 'valid: account ... balance ... nonce ... storage slots N' and exits 0 when every "
          + "node links up to the root and every field and slot value is what the proven tries "
          + "hold (or zero where absence is proven); prints 'invalid: <field>: <problem>' and exits "
          + "1 otherwise. JSON that is not an eth_getProof object is an error (exit 1)."
    })
final class ProofVerifyCommand implements Callable<Integer> {
  private final CliEnvironment environment;

  @Option(names = "--root", required = true, paramLabel = "HASH",
      description = "The trusted state root (a block header's stateRoot), 64 hex digits.")
  String root;

  @Option(names = "--suite", paramLabel = "SUITE", converter = SuiteNameConverter.class,
      defaultValue = CryptoSuites.STANDARD,
      description = "The chain's crypto suite, which decides the trie hash: standard (Keccak-256) "
          + "or gm (SM3) (default: ${DEFAULT-VALUE}).")
  String suiteName;

  @Parameters(index = "0", paramLabel = "FILE",
      description = "The JSON file, or - for standard input.")
  String file;

  ProofVerifyCommand(CliEnvironment environment) {
    this.environment = environment;
  }

  @Override
  public Integer call() throws IOException {
    Hash stateRoot;
    try {
      stateRoot = Hash.fromHex(root);
    } catch (DecodingException e) {
      throw new UserException("--root " + root + ": " + DbProofCommand.problem(e));
    }
    CryptoSuite suite = CryptoSuites.byName(suiteName);
    AccountProof proof = ProofJson.parse(read());
    ProofVerification verdict = AccountProofVerifier.verify(proof, stateRoot, suite);
    if (!verdict.valid()) {
      environment.out().println("invalid: " + verdict.field() + ": " + verdict.problem());
      return Main.EXIT_USER_ERROR;
    }
    boolean present = SecureTrie.verifyProof(stateRoot, proof.address().toArray(),
        proof.accountProof(), StateHashing.trieHash(suite)).isPresent();
    environment.out().println("valid: account " + proof.address()
        + (present ? "" : " (proven absent)")
        + " balance " + proof.balance().toBigInteger()
        + " nonce " + Long.toUnsignedString(proof.nonce())
        + " storage slots " + proof.storageProof().size());
    return 0;
  }

  /**
   * Reads at most one byte more than {@link ProofJson#JSON_INPUT_BYTES_MAX}, so an endless input
   * is refused by the parser's bound instead of filling memory.
   */
  private byte[] read() throws IOException {
    if (file.equals("-")) {
      return environment.in().readNBytes(ProofJson.JSON_INPUT_BYTES_MAX + 1);
    }
    try (InputStream stream = Files.newInputStream(environment.resolve(Path.of(file)))) {
      return stream.readNBytes(ProofJson.JSON_INPUT_BYTES_MAX + 1);
    }
  }
}
