package org.xinlian.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.xinlian.common.Hash;
import org.xinlian.crypto.CryptoSuite;
import org.xinlian.crypto.CryptoSuites;
import org.xinlian.ledger.snapshot.SnapshotExporter;
import org.xinlian.ledger.snapshot.SnapshotLayout;
import org.xinlian.ledger.snapshot.SnapshotRefusedException;
import org.xinlian.ledger.snapshot.SnapshotResult;
import org.xinlian.storage.KeyValueStore;
import org.xinlian.storage.StoreSnapshot;
import org.xinlian.types.block.BlockCodec;
import org.xinlian.types.block.BlockHeader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code xinlian db snapshot export}: the state at one block into a snapshot file. */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description = {
      "Write the state at the head block (or at --height) of the ledger in --data to --out. "
          + "The file is written under a temporary name and renamed when complete; an existing "
          + "file is not overwritten. Progress is drawn on standard error."
    })
final class DbSnapshotExportCommand implements Callable<Integer> {
  private final CliEnvironment environment;

  @Option(names = "--data", required = true, paramLabel = "DIR",
      description = "The ledger directory, or the node or development chain directory that holds it.")
  Path data;

  @Option(names = "--out", required = true, paramLabel = "FILE", description = "The snapshot file to write.")
  Path out;

  @Option(names = "--height", paramLabel = "N",
      description = "Export the canonical block at this height (default: the head); its state must "
          + "not have been pruned.")
  Long height;

  DbSnapshotExportCommand(CliEnvironment environment) {
    this.environment = environment;
  }

  @Override
  public Integer call() throws IOException {
    Path directory = LedgerDirectory.locate(environment.resolve(data));
    Path target = environment.resolve(out);
    if (!Files.isDirectory(directory)) {
      throw new NoSuchFileException(directory.toString());
    }
    if (Files.exists(target)) {
      throw new FileAlreadyExistsException(target.toString());
    }
    Path partial = target.resolveSibling(target.getFileName() + ".partial");
    ProgressBar bar = new ProgressBar(environment.err(), environment.clock());
    SnapshotResult result;
    try (KeyValueStore store = DbSnapshotCommand.openStore(directory);
        StoreSnapshot view = store.snapshot()) {
      CryptoSuite suite = CryptoSuites.byName(new String(
          meta(view, SnapshotLayout.META_SUITE, "suite"), StandardCharsets.UTF_8));
      long chainId = SnapshotLayout.decodeLong(
          "meta.chain_id", meta(view, SnapshotLayout.META_CHAIN_ID, "chain_id"));
      Hash genesis = Hash.wrap(meta(view, SnapshotLayout.META_GENESIS, "genesis"));
      BlockHeader header = header(view, suite, directory);
      try (OutputStream stream = new BufferedOutputStream(Files.newOutputStream(partial))) {
        result = SnapshotExporter.export(view, suite, header, genesis, chainId, stream, bar);
      } catch (SnapshotRefusedException e) {
        throw new UserException(e.getMessage());
      } finally {
        bar.finish();
      }
      Files.move(partial, target);
    } finally {
      Files.deleteIfExists(partial);
    }
    environment.out().println(String.format(Locale.ROOT,
        "exported block %d %s (state root %s): %,d accounts, %,d slots, %,d codes, %,d bytes to %s",
        result.height(), result.blockHash(), result.stateRoot(), result.accounts(), result.slots(),
        result.codes(), result.bytes(), target));
    return 0;
  }

  private BlockHeader header(StoreSnapshot view, CryptoSuite suite, Path directory) {
    Hash blockHash;
    if (height == null) {
      blockHash = SnapshotLayout.head(view).orElseThrow(
          () -> new UserException("store at " + directory + " holds no chain (no head block)"));
    } else {
      blockHash = view.get(SnapshotLayout.CANONICAL, SnapshotLayout.heightKey(height))
          .map(Hash::wrap)
          .orElseThrow(() -> new UserException(
              "store at " + directory + " has no canonical block at height " + height));
    }
    byte[] encoded = view.get(SnapshotLayout.HEADERS, blockHash.toArray()).orElseThrow(
        () -> new UserException("store at " + directory + " lacks the header of block " + blockHash));
    return BlockCodec.of(suite).decodeHeader(encoded);
  }

  private byte[] meta(StoreSnapshot view, byte[] key, String name) {
    return view.get(SnapshotLayout.META, key).orElseThrow(() -> new UserException(
        "store at " + environment.resolve(data) + " does not record its chain's " + name
            + " (META '" + name + "'); cannot tell which chain this state belongs to"));
  }
}
