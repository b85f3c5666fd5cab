package org.xinlian.node.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.xinlian.common.Clock;
import org.xinlian.storage.KeyValueStore;

/**
 * The node's side of {@code admin_backup} (OPS-70, OPS-72): a backup goes only into a new
 * subdirectory, named by the caller, of the directory the operator configured; one at a time, at
 * most {@link BackupConfig#backupsMax()} in the directory, {@link BackupConfig#intervalMsMin()}
 * apart, and only with room for a whole ledger plus {@link BackupConfig#freeBytesMin()} free. A backup is written under a hidden staging name and renamed into place once complete, so
 * a backup directory with a manifest is always whole.
 */
public final class BackupService {
  /** A name is one path segment: no separator, no leading dot, nothing a shell would expand. */
  static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
  static final String STAGING_PREFIX = ".staging-";

  private final BackupConfig config;
  private final KeyValueStore store;
  private final Path dataDirectory;
  private final long chainId;
  private final Clock clock;
  private final ReentrantLock running = new ReentrantLock();
  /** Start of the last backup, in {@link Clock#nanoTime()}; guarded by {@link #running}. */
  private long lastStartNanos;
  private boolean started;

  public BackupService(BackupConfig config, KeyValueStore store, Path dataDirectory, long chainId, Clock clock) {
    this.config = Objects.requireNonNull(config, "config");
    this.store = Objects.requireNonNull(store, "store");
    this.dataDirectory = Objects.requireNonNull(dataDirectory, "dataDirectory");
    this.chainId = chainId;
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Makes the backup {@code name}.
   *
   * @throws BackupRefusedException if backups are disabled, the name is not a plain new name, a
   *     backup is running, the last began too recently, the directory holds its maximum or its
   *     file system lacks room; nothing
   *     is written then
   */
  public BackupResult create(String name) {
    Path directory = config.directory().orElseThrow(() -> new BackupRefusedException(
        "backups are disabled on this node: its configuration sets no backup.directory"));
    if (name == null || !NAME.matcher(name).matches()) {
      throw new BackupRefusedException("name: must be 1 to 64 letters, digits, '.', '_' or '-', "
          + "starting with a letter or digit, got " + describe(name));
    }
    if (!running.tryLock()) {
      throw new BackupRefusedException("a backup is running on this node; one runs at a time");
    }
    try {
      long now = clock.nanoTime();
      long sinceMs = (now - lastStartNanos) / 1_000_000;
      if (started && sinceMs < config.intervalMsMin()) {
        throw new BackupRefusedException("the last backup began " + sinceMs + " ms ago; backups are "
            + "at least backup.intervalMsMin = " + config.intervalMsMin() + " ms apart");
      }
      Path target = directory.resolve(name).normalize();
      if (!target.getParent().equals(directory)) {
        throw new BackupRefusedException("name: must name a subdirectory of the backup directory");
      }
      if (Files.exists(target, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
        throw new BackupRefusedException("backup " + name + " exists already in " + directory);
      }
      Files.createDirectories(directory);
      clearStaging(directory);
      long held = countBackups(directory);
      if (held >= config.backupsMax()) {
        throw new BackupRefusedException(directory + " holds " + held + " backups, backup.backupsMax is "
            + config.backupsMax() + ": move some away first");
      }
      requireRoom(directory);
      started = true;
      lastStartNanos = now;
      Path staging = directory.resolve(STAGING_PREFIX + name);
      try {
        Files.createDirectory(staging);
        BackupManifest manifest = LedgerCheckpoint.write(store, dataDirectory, staging, chainId,
            Instant.ofEpochMilli(clock.currentTimeMillis()).toString());
        Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        BackupFiles.force(directory);
        return new BackupResult(target, manifest);
      } catch (IOException | RuntimeException e) {
        BackupFiles.deleteTree(staging);
        throw e;
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("backup " + name + " failed: " + e.getMessage(), e);
    } finally {
      running.unlock();
    }
  }

  /**
   * Room on the backup directory's file system for a whole copy of the ledger plus {@link
   * BackupConfig#freeBytesMin()}: what a backup holds at worst (a copy across file systems, or hard
   * links once the node has compacted every file away), so backups never fill the node's disk.
   */
  private void requireRoom(Path directory) throws IOException {
    long ledgerBytes = 0;
    for (Path file : BackupFiles.files(dataDirectory)) {
      ledgerBytes += Files.size(file);
    }
    long usable = Files.getFileStore(directory).getUsableSpace();
    if (usable < ledgerBytes + config.freeBytesMin()) {
      throw new BackupRefusedException("the file system of " + directory + " has " + usable
          + " bytes free; a backup needs room for the ledger (" + ledgerBytes
          + " bytes) plus backup.freeBytesMin = " + config.freeBytesMin() + " bytes");
    }
  }

  /** What an interrupted backup (a crash) left under a staging name is not a backup: removed. */
  private static void clearStaging(Path directory) throws IOException {
    try (Stream<Path> entries = Files.list(directory)) {
      for (Path entry : entries.toList()) {
        if (entry.getFileName().toString().startsWith(STAGING_PREFIX)) {
          BackupFiles.deleteTree(entry);
        }
      }
    }
  }

  private static long countBackups(Path directory) throws IOException {
    try (Stream<Path> entries = Files.list(directory)) {
      return entries.filter(Files::isDirectory).count();
    }
  }

  private static String describe(String name) {
    if (name == null) {
      return "nothing";
    }
    return name.length() > 80 ? "'" + name.substring(0, 80) + "...' (" + name.length() + " characters)" : "'" + name + "'";
  }

  /** A finished backup: where it is, and its manifest. */
  public record BackupResult(Path directory, BackupManifest manifest) {}
}
