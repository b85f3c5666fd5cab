package org.xinlian.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.xinlian.crypto.CryptoSuite;
import org.xinlian.crypto.CryptoSuites;
import org.xinlian.ledger.LedgerNamespaces;
import org.xinlian.ledger.chain.LedgerSchema;
import org.xinlian.ledger.verify.LedgerVerifier;
import org.xinlian.ledger.verify.Mismatch;
import org.xinlian.ledger.verify.VerificationProgress;
import org.xinlian.ledger.verify.VerificationReport;
import org.xinlian.node.backup.LedgerBackups;
import org.xinlian.storage.KeyValueStore;
import org.xinlian.storage.KeyValueStores;
import org.xinlian.storage.StorageException;
import org.xinlian.storage.StoreOptions;
import org.xinlian.storage.StoreSnapshot;
import org.xinlian.storage.WriteDurability;
import org.xinlian.storage.StoreCheckpoints;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code xinlian db verify}: the offline ledger check (docs/spec/ledger.md LEDGER-7). */
@Command(
    name = "verify",
    mixinStandardHelpOptions = true,
    description = {
      "Check a stopped node's ledger, or a backup of one: every canonical block's header hash, parent link, "
          + "transactions and receipts roots, bloom and transaction index, and every trie node "
          + "and contract code of the head state against its hash.",
      "",
      "Prints one line per mismatch, '[block N] <namespace> <key>: <problem>', then a summary. "
          + "Exit code 0 when the ledger is intact, 1 when anything is wrong or the directory "
          + "holds no readable ledger."
    })
final class DbVerifyCommand implements Callable<Integer> {
  /** Small: verification reads each entry once, so a cache would not be hit again. */
  private static final long BLOCK_CACHE_BYTES = 16L * 1024 * 1024;

  private final CliEnvironment environment;

  @Option(names = "--data", required = true, paramLabel = "DIR",
      description = "The ledger directory, or the node or development chain directory that holds it.")
  Path data;

  @Option(names = "--suite", paramLabel = "SUITE", converter = SuiteNameConverter.class,
      description = "standard or gm; must match the suite recorded at genesis (default: that one).")
  String suiteName;

  @Option(names = "--progress", description = "Report progress on standard error.")
  boolean progress;

  DbVerifyCommand(CliEnvironment environment) {
    this.environment = environment;
  }

  @Override
  public Integer call() throws Exception {
    Path directory = LedgerDirectory.locate(environment.resolve(data));
    requireLedgerDirectory(directory);
    // A backup (OPS-74): its manifest and files first, then its ledger, opened read-only so
    // that verifying changes nothing in it.
    boolean backup = LedgerBackups.isBackup(directory);
    if (backup) {
      LedgerBackups.CheckedBackup checked = LedgerBackups.check(directory);
      environment.out().println("backup: chain id " + checked.manifest().chainId() + ", block "
          + checked.manifest().height() + " " + checked.manifest().headHash() + ", every file as its manifest records");
      directory = checked.ledgerDirectory();
    }
    String location = directory.toString();
    StoreOptions options = new StoreOptions(directory, LedgerNamespaces.ALL,
        WriteDurability.SURVIVE_PROCESS_CRASH, BLOCK_CACHE_BYTES);
    try (KeyValueStore store = backup ? StoreCheckpoints.openReadOnly(options) : KeyValueStores.openRocksDb(options);
        StoreSnapshot snapshot = store.snapshot()) {
      LedgerSchema.ChainFacts facts = LedgerSchema.check(snapshot, LedgerNamespaces.ALL, location)
          .orElseThrow(() -> new UserException("no ledger in " + location));
      CryptoSuite suite = suite(facts, location);
      VerificationProgress listener = progress
          ? (phase, done, total) -> environment.err().println(
              "progress: " + phase.name().toLowerCase(java.util.Locale.ROOT) + " " + done)
          : VerificationProgress.NONE;
      VerificationReport report = new LedgerVerifier(snapshot, suite, location).verify(listener);
      for (Mismatch mismatch : report.mismatches()) {
        environment.out().println(mismatch);
      }
      long unlisted = report.mismatchCount() - report.mismatches().size();
      if (unlisted > 0) {
        environment.out().println("... " + unlisted + " more mismatches not listed");
      }
      environment.out().println(report.summary());
      return report.clean() ? 0 : Main.EXIT_USER_ERROR;
    } catch (StorageException e) {
      // A missing, foreign, corrupt or newer store is the operator's to fix, not a bug.
      throw new UserException(e.getMessage());
    }
  }

  private CryptoSuite suite(LedgerSchema.ChainFacts facts, String location) {
    if (!CryptoSuites.names().contains(facts.suiteName())) {
      throw new UserException("the ledger in " + location + " records an unknown crypto suite '"
          + facts.suiteName() + "'");
    }
    if (suiteName != null && !suiteName.equals(facts.suiteName())) {
      throw new UserException("the ledger in " + location + " is a " + facts.suiteName()
          + " chain, not " + suiteName);
    }
    return CryptoSuites.byName(Optional.ofNullable(suiteName).orElse(facts.suiteName()));
  }

  /** Opening would create a store: a path that is not an existing, non-empty directory is refused. */
  static void requireLedgerDirectory(Path directory) throws java.io.IOException {
    if (!Files.exists(directory)) {
      throw new UserException("no such ledger directory: " + directory);
    }
    if (!Files.isDirectory(directory)) {
      throw new UserException("not a directory: " + directory);
    }
    try (Stream<Path> entries = Files.list(directory)) {
      if (entries.findAny().isEmpty()) {
        throw new UserException("no ledger in " + directory + " (the directory is empty)");
      }
    }
  }
}
