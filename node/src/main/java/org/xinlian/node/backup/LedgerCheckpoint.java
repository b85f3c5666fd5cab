package org.xinlian.node.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.xinlian.node.consensus.ConsensusService;
import org.xinlian.storage.KeyValueStore;
import org.xinlian.storage.StoreCheckpoints;

/**
 * Writes one backup into an empty staging directory (OPS-71): the consensus write-ahead state,
 * then a RocksDB checkpoint of the ledger, then the manifest.
 *
 * <p>Why in this order and without stopping commits: the engine writes a state for height h + 1
 * only after block h is committed, and the ledger only grows; so a state read before the
 * checkpoint is for a height at most one above the checkpoint's head, which is what a starting
 * engine accepts (it resumes a state for the next height and ignores an older one). Read the
 * other way round, the state could be two heights ahead and the restored node would refuse it.
 */
final class LedgerCheckpoint {
  /** The engine's own bound on the file (a lock and a proposal, each with a full block). */
  static final long CONSENSUS_STATE_BYTES_MAX = 64L * 1024 * 1024;

  private LedgerCheckpoint() {}

  static BackupManifest write(KeyValueStore store, Path dataDirectory, Path staging, long chainId,
      String createdAt) throws IOException {
    Optional<byte[]> consensusState = readConsensusState(dataDirectory);
    Path ledger = staging.resolve(BackupManifest.LEDGER_DIRECTORY);
    StoreCheckpoints.create(store, ledger);
    Optional<BackupManifest.FileEntry> stateEntry = Optional.empty();
    if (consensusState.isPresent()) {
      byte[] state = consensusState.get();
      BackupFiles.writeDurably(ledger.resolve(ConsensusService.WRITE_AHEAD_STATE_FILE), state);
      stateEntry = Optional.of(new BackupManifest.FileEntry(ConsensusService.WRITE_AHEAD_STATE_FILE,
          state.length, Optional.of(BackupFiles.sha256(state))));
    }
    List<BackupManifest.FileEntry> files = new ArrayList<>();
    for (Path file : BackupFiles.files(ledger)) {
      String name = file.getFileName().toString();
      if (!name.equals(ConsensusService.WRITE_AHEAD_STATE_FILE) && !BackupFiles.isInfoLog(name)) {
        files.add(new BackupManifest.FileEntry(name, Files.size(file), Optional.empty()));
      }
      BackupFiles.force(file);
    }
    BackupFiles.force(ledger);
    LedgerFacts facts = LedgerFacts.read(ledger);
    BackupManifest manifest = new BackupManifest(chainId, facts.genesisHash(), facts.suite(),
        facts.height(), facts.headHash(), createdAt, files, stateEntry);
    BackupFiles.writeDurably(staging.resolve(BackupManifest.FILE_NAME), manifest.toJson());
    BackupFiles.force(staging);
    return manifest;
  }

  private static Optional<byte[]> readConsensusState(Path dataDirectory) throws IOException {
    Path file = dataDirectory.resolve(ConsensusService.WRITE_AHEAD_STATE_FILE);
    try {
      long size = Files.size(file);
      if (size > CONSENSUS_STATE_BYTES_MAX) {
        throw new IOException(file + " is " + size + " bytes, above " + CONSENSUS_STATE_BYTES_MAX);
      }
      // The engine replaces the file by a rename: this reads one whole record, old or new.
      return Optional.of(Files.readAllBytes(file));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
  }
}
