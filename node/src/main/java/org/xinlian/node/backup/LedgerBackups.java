package org.xinlian.node.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;
import org.xinlian.common.Hash;
import org.xinlian.crypto.CryptoSuites;
import org.xinlian.execution.genesis.Genesis;
import org.xinlian.execution.genesis.GenesisConfig;
import org.xinlian.storage.StorageException;

/**
 * Checking and restoring the backups {@code admin_backup} writes (OPS-73 to OPS-76). Both read the
 * backup only; a restore writes nothing into the node's data directory until the copy is complete
 * and checked, and then swaps it in by renames.
 */
public final class LedgerBackups {
  static final String RESTORING_SUFFIX = ".restoring";
  static final String REPLACED_SUFFIX = ".replaced";

  private LedgerBackups() {}

  /** Whether {@code directory} looks like a backup (it has a manifest); says nothing of its health. */
  public static boolean isBackup(Path directory) {
    return Files.isRegularFile(directory.resolve(BackupManifest.FILE_NAME));
  }

  /**
   * A backup whose files are all there at their recorded sizes, whose consensus state has its
   * recorded hash, and whose ledger opens read-only at the manifest's chain and head.
   *
   * @param manifest what the backup says of itself
   * @param ledgerDirectory its ledger checkpoint: a complete node data directory
   */
  public record CheckedBackup(BackupManifest manifest, Path ledgerDirectory) {}

  /**
   * Checks the backup in {@code directory} without changing it.
   *
   * @throws BackupRefusedException naming the file and the problem when it is not a whole backup
   */
  public static CheckedBackup check(Path directory) {
    Path manifestFile = directory.resolve(BackupManifest.FILE_NAME);
    BackupManifest manifest;
    try {
      if (Files.size(manifestFile) > BackupManifest.MANIFEST_BYTES_MAX) {
        throw new BackupRefusedException(manifestFile + ": larger than any manifest");
      }
      manifest = BackupManifest.parse(Files.readAllBytes(manifestFile));
    } catch (NoSuchFileException e) {
      throw new BackupRefusedException(directory + " is not a backup: it has no " + BackupManifest.FILE_NAME);
    } catch (IOException e) {
      throw new BackupRefusedException("cannot read " + manifestFile + ": " + e.getMessage());
    } catch (IllegalArgumentException e) {
      throw new BackupRefusedException(manifestFile + ": " + e.getMessage());
    }
    Path ledger = directory.resolve(BackupManifest.LEDGER_DIRECTORY);
    Set<String> listed = new HashSet<>();
    try {
      for (BackupManifest.FileEntry entry : manifest.ledgerFiles()) {
        requireSize(ledger.resolve(entry.name()), entry.bytes());
        listed.add(entry.name());
      }
      if (manifest.consensusState().isPresent()) {
        BackupManifest.FileEntry state = manifest.consensusState().get();
        Path file = ledger.resolve(state.name());
        requireSize(file, state.bytes());
        String actual = BackupFiles.sha256(file);
        if (!actual.equals(state.sha256().orElse(""))) {
          throw new BackupRefusedException(file + ": SHA-256 " + actual + ", the manifest records "
              + state.sha256().orElse("none"));
        }
        listed.add(state.name());
      }
      for (Path file : BackupFiles.files(ledger)) {
        String name = file.getFileName().toString();
        if (!listed.contains(name) && !BackupFiles.isInfoLog(name)) {
          throw new BackupRefusedException(file + ": not in the manifest " + manifestFile
              + " (a backup is never added to)");
        }
      }
    } catch (IOException e) {
      throw new BackupRefusedException("cannot read the backup in " + directory + ": " + e.getMessage());
    }
    LedgerFacts facts;
    try {
      facts = LedgerFacts.read(ledger);
    } catch (StorageException e) {
      throw new BackupRefusedException("the ledger of the backup in " + directory + " does not open: " + e.getMessage());
    }
    if (facts.height() != manifest.height() || !facts.headHash().equals(manifest.headHash())
        || !facts.genesisHash().equals(manifest.genesisHash()) || !facts.suite().equals(manifest.suite())) {
      throw new BackupRefusedException("the ledger of the backup in " + directory + " is at block "
          + facts.height() + " " + facts.headHash() + " of genesis " + facts.genesisHash() + " (" + facts.suite()
          + "), its manifest says block " + manifest.height() + " " + manifest.headHash() + " of genesis "
          + manifest.genesisHash() + " (" + manifest.suite() + ")");
    }
    return new CheckedBackup(manifest, ledger);
  }

  private static void requireSize(Path file, long bytes) throws IOException {
    if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
      throw new BackupRefusedException(file + ": missing (the manifest lists it)");
    }
    long size = Files.size(file);
    if (size != bytes) {
      throw new BackupRefusedException(file + ": " + size + " bytes, the manifest records " + bytes);
    }
  }

  /** The genesis hash {@code genesis} makes: which chain a genesis file starts. */
  public static Hash genesisHash(GenesisConfig genesis) {
    return Genesis.block(genesis).hash(CryptoSuites.byName(genesis.suite()));
  }

  /**
   * What a restore did.
   *
   * @param replaced whether a non-empty data directory was replaced ({@code force})
   */
  public record RestoreResult(BackupManifest manifest, Path dataDirectory, boolean replaced) {}

  /**
   * Brings {@code dataDirectory} back from the backup in {@code backup} (OPS-75): refuses a backup
   * of another chain than {@code genesis}, naming both, and a data directory that holds anything
   * unless {@code force}. Crash-safe: the files are copied into a sibling directory, forced to the
   * device and checked, and only then renamed into place (a replaced directory is renamed aside
   * first and removed last), so at every moment the data directory is the old one, absent, or the
   * whole restored one. The node, started on it, catches up from its peers.
   *
   * @throws BackupRefusedException when refused; nothing was changed
   */
  public static RestoreResult restore(Path backup, Path dataDirectory, GenesisConfig genesis, boolean force)
      throws IOException {
    CheckedBackup checked = check(backup);
    BackupManifest manifest = checked.manifest();
    Hash expected = genesisHash(genesis);
    if (manifest.chainId() != genesis.chainId() || !manifest.genesisHash().equals(expected)) {
      throw new BackupRefusedException("the backup in " + backup + " is of another chain: chain id "
          + manifest.chainId() + ", genesis " + manifest.genesisHash() + "; the node's genesis file makes chain id "
          + genesis.chainId() + ", genesis " + expected + "; nothing was changed");
    }
    Path target = dataDirectory.toAbsolutePath().normalize();
    boolean occupied = Files.exists(target, LinkOption.NOFOLLOW_LINKS) && !isEmptyDirectory(target);
    if (Files.exists(target, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
      throw new BackupRefusedException("data directory " + target + " is not a directory; nothing was changed");
    }
    if (occupied && !force) {
      throw new BackupRefusedException("data directory " + target + " is not empty; restoring would replace "
          + "what it holds: stop its node and give --force to replace it (nothing was changed)");
    }
    Path parent = target.getParent();
    Files.createDirectories(parent);
    String name = target.getFileName().toString();
    Path restoring = parent.resolve("." + name + RESTORING_SUFFIX);
    Path replaced = parent.resolve("." + name + REPLACED_SUFFIX);
    // Leftovers of an interrupted restore: the copy was never whole, the replaced data already given up.
    BackupFiles.deleteTree(restoring);
    BackupFiles.deleteTree(replaced);
    Files.createDirectory(restoring);
    try {
      for (BackupManifest.FileEntry entry : manifest.ledgerFiles()) {
        copy(checked.ledgerDirectory().resolve(entry.name()), restoring.resolve(entry.name()));
      }
      if (manifest.consensusState().isPresent()) {
        String state = manifest.consensusState().get().name();
        copy(checked.ledgerDirectory().resolve(state), restoring.resolve(state));
      }
      BackupFiles.force(restoring);
      LedgerFacts facts = LedgerFacts.read(restoring);
      if (facts.height() != manifest.height() || !facts.headHash().equals(manifest.headHash())) {
        throw new BackupRefusedException("the copy in " + restoring + " reads block " + facts.height()
            + ", not the backup's " + manifest.height() + "; nothing was changed");
      }
    } catch (IOException | RuntimeException e) {
      BackupFiles.deleteTree(restoring);
      throw e;
    }
    if (occupied) {
      Files.move(target, replaced, StandardCopyOption.ATOMIC_MOVE);
    } else if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
      Files.delete(target);
    }
    Files.move(restoring, target, StandardCopyOption.ATOMIC_MOVE);
    BackupFiles.force(parent);
    BackupFiles.deleteTree(replaced);
    return new RestoreResult(manifest, target, occupied);
  }

  private static void copy(Path from, Path to) throws IOException {
    Files.copy(from, to, StandardCopyOption.COPY_ATTRIBUTES);
    BackupFiles.force(to);
  }

  private static boolean isEmptyDirectory(Path directory) throws IOException {
    if (!Files.isDirectory(directory)) {
      return false;
    }
    try (Stream<Path> entries = Files.list(directory)) {
      return entries.findAny().isEmpty();
    }
  }
}
