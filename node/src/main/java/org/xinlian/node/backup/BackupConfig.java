package org.xinlian.node.backup;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.xinlian.common.DecodingException;

/**
 * Where and how often the node makes online backups for {@code admin_backup}
 * (docs/spec/operations.md OPS-70, docs/adr/0019-online-backup.md). Without a directory backups
 * are disabled: a JSON-RPC caller can never make the node write outside the one directory the
 * operator named.
 *
 * @param directory where backups go, each in a subdirectory the caller names; empty disables them
 * @param backupsMax backups the directory may hold; a further one is refused until the operator
 *     moves some away (each pins the table files it links, so the count bounds the disk it holds)
 * @param intervalMsMin least time between the starts of two backups
 * @param freeBytesMin space that must stay free on the backup directory's file system beyond the
 *     ledger's own size: a backup pins the ledger's files (hard links) or copies them, and a node
 *     whose disk fills fails stop (NODE-17), so a backup is refused unless the file system has
 *     room for a whole second ledger plus this margin
 */
public record BackupConfig(Optional<Path> directory, int backupsMax, long intervalMsMin, long freeBytesMin) {
  public static final int BACKUPS_MAX_DEFAULT = 16;
  public static final int BACKUPS_LIMIT = 1_000;
  /** Each backup flushes the write buffers: a minute apart is ample for nightly backups. */
  public static final long INTERVAL_MS_MIN_DEFAULT = 60_000;
  public static final long INTERVAL_MS_LIMIT = 86_400_000;
  /** Room for the node's own writes (compactions, the write-ahead log) while backups hold files. */
  public static final long FREE_BYTES_MIN_DEFAULT = 1L << 30;
  public static final long FREE_BYTES_LIMIT = 1L << 50;
  private static final Set<String> FIELDS = Set.of("directory", "backupsMax", "intervalMsMin", "freeBytesMin");

  public BackupConfig {
    // Absolute and normalised, so the check that a backup lands directly inside it compares like with like.
    directory = Objects.requireNonNull(directory, "directory").map(path -> path.toAbsolutePath().normalize());
    if (backupsMax < 1 || backupsMax > BACKUPS_LIMIT) {
      throw new IllegalArgumentException("backup.backupsMax: must be 1 to " + BACKUPS_LIMIT + ", got " + backupsMax);
    }
    if (intervalMsMin < 0 || intervalMsMin > INTERVAL_MS_LIMIT) {
      throw new IllegalArgumentException("backup.intervalMsMin: must be 0 to " + INTERVAL_MS_LIMIT
          + ", got " + intervalMsMin);
    }
    if (freeBytesMin < 0 || freeBytesMin > FREE_BYTES_LIMIT) {
      throw new IllegalArgumentException("backup.freeBytesMin: must be 0 to " + FREE_BYTES_LIMIT
          + ", got " + freeBytesMin);
    }
  }

  /** Backups disabled. */
  public static BackupConfig disabled() {
    return new BackupConfig(Optional.empty(), BACKUPS_MAX_DEFAULT, INTERVAL_MS_MIN_DEFAULT, FREE_BYTES_MIN_DEFAULT);
  }

  /** The configuration file's {@code backup} object; a relative directory resolves against {@code base}. */
  public static BackupConfig parse(JsonNode node, Path base) {
    if (node == null || !node.isObject()) {
      throw new DecodingException("backup", "must be an object");
    }
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!FIELDS.contains(name)) {
        throw new DecodingException("backup." + name, "unknown field (known: " + new java.util.TreeSet<>(FIELDS) + ")");
      }
    }
    Optional<Path> directory = Optional.empty();
    if (node.has("directory")) {
      JsonNode value = node.get("directory");
      if (!value.isTextual() || value.asText().isBlank()) {
        throw new DecodingException("backup.directory", "must be a non-empty path");
      }
      directory = Optional.of(base.resolve(value.asText()).toAbsolutePath().normalize());
    }
    return new BackupConfig(directory,
        (int) number(node, "backupsMax", BACKUPS_MAX_DEFAULT, 1, BACKUPS_LIMIT),
        number(node, "intervalMsMin", INTERVAL_MS_MIN_DEFAULT, 0, INTERVAL_MS_LIMIT),
        number(node, "freeBytesMin", FREE_BYTES_MIN_DEFAULT, 0, FREE_BYTES_LIMIT));
  }

  private static long number(JsonNode node, String name, long absent, long min, long max) {
    if (!node.has(name)) {
      return absent;
    }
    JsonNode value = node.get(name);
    if (!value.canConvertToLong() || !value.isIntegralNumber()) {
      throw new DecodingException("backup." + name, "must be an integer");
    }
    long number = value.asLong();
    if (number < min || number > max) {
      throw new DecodingException("backup." + name, "must be " + min + " to " + max + ", got " + number);
    }
    return number;
  }
}
