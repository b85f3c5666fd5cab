package org.xinlian.cli;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.xinlian.common.Hash;
import org.xinlian.crypto.CryptoSuite;
import org.xinlian.crypto.CryptoSuites;
import org.xinlian.ledger.snapshot.SnapshotImporter;
import org.xinlian.ledger.snapshot.SnapshotInfo;
import org.xinlian.ledger.snapshot.SnapshotRefusedException;
import org.xinlian.ledger.snapshot.SnapshotResult;
import org.xinlian.storage.KeyValueStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code xinlian db snapshot import}: a new ledger directory from a snapshot file. A failed import
 * leaves a store without a head but with partial data, which a later import would refuse, so the
 * directory is deleted again on failure (SNAPSHOT-9, SNAPSHOT-10).
 */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description = {
      "Create the ledger in --data from the snapshot --in, checking every root against the "
          + "snapshot block's state root. --data must not exist or be empty; it is deleted again "
          + "if the import fails. Progress is drawn on standard error."
    })
final class DbSnapshotImportCommand implements Callable<Integer> {
  private final CliEnvironment environment;

  @Option(names = "--data", required = true, paramLabel = "DIR",
      description = "The new ledger directory.")
  Path data;

  @Option(names = "--in", required = true, paramLabel = "FILE", description = "The snapshot file.")
  Path in;

  @Option(names = "--genesis", paramLabel = "HASH",
      description = "Refuse a snapshot of a chain with another genesis hash.")
  String genesis;

  DbSnapshotImportCommand(CliEnvironment environment) {
    this.environment = environment;
  }

  @Override
  public Integer call() throws IOException {
    Path directory = environment.resolve(data);
    Path file = environment.resolve(in);
    Hash expectedGenesis = genesis == null ? null : Hash.fromHex(genesis);
    boolean existed = Files.exists(directory);
    if (existed && !Files.isDirectory(directory)) {
      throw new NotDirectoryException(directory.toString());
    }
    if (existed && !isEmpty(directory)) {
      throw new UserException(
          "--data " + directory + " exists and is not empty; import needs a new directory");
    }
    SnapshotInfo info;
    try (InputStream stream = Files.newInputStream(file)) {
      info = SnapshotImporter.readInfo(stream);
    }
    CryptoSuite suite = CryptoSuites.byName(info.suiteName());
    Files.createDirectories(directory);
    ProgressBar bar = new ProgressBar(environment.err(), environment.clock());
    SnapshotResult result = null;
    try (KeyValueStore store = DbSnapshotCommand.openStore(directory);
        InputStream stream = new BufferedInputStream(Files.newInputStream(file))) {
      result = SnapshotImporter.importInto(store, suite, expectedGenesis, stream, bar);
    } catch (SnapshotRefusedException e) {
      throw new UserException(e.getMessage());
    } finally {
      bar.finish();
      if (result == null) {
        DbSnapshotCommand.deleteTree(directory);
        if (existed) {
          Files.createDirectories(directory);
        }
      }
    }
    environment.out().println(String.format(Locale.ROOT,
        "imported block %d %s (state root %s, chain id %d): %,d accounts, %,d slots, %,d codes "
            + "into %s",
        result.height(), result.blockHash(), result.stateRoot(), info.chainId(), result.accounts(),
        result.slots(), result.codes(), directory));
    return 0;
  }

  private static boolean isEmpty(Path directory) throws IOException {
    try (Stream<Path> entries = Files.list(directory)) {
      return entries.findAny().isEmpty();
    }
  }
}
