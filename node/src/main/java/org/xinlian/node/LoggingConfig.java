package org.xinlian.node;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Where a node's log goes (docs/spec/node.md NODE-20). Without a file it goes to standard error, as
 * for {@code xinlian dev} in a terminal; with one it goes to a set of rotating files that never
 * grow past {@code fileBytesMax × filesMax} bytes together.
 *
 * @param file the log file's base name; the newest file is {@code <name>.0.<ext>} beside it, the
 *     oldest {@code <name>.<filesMax-1>.<ext>}
 * @param fileBytesMax when the current file rotates
 * @param filesMax files kept, the current one included
 * @param level the least level logged: ERROR, WARNING, INFO, DEBUG or TRACE
 */
public record LoggingConfig(Optional<Path> file, long fileBytesMax, int filesMax, String level) {
  public static final long FILE_BYTES_MAX_DEFAULT = 10L * 1024 * 1024;
  public static final long FILE_BYTES_MIN = 64 * 1024;
  /** JUL's FileHandler counts bytes in an int. */
  public static final long FILE_BYTES_LIMIT = Integer.MAX_VALUE;
  public static final int FILES_MAX_DEFAULT = 5;
  public static final int FILES_LIMIT = 100;
  public static final String LEVEL_DEFAULT = "INFO";
  public static final Set<String> LEVELS = Set.of("ERROR", "WARNING", "INFO", "DEBUG", "TRACE");

  public LoggingConfig {
    Objects.requireNonNull(file, "file");
    if (fileBytesMax < FILE_BYTES_MIN || fileBytesMax > FILE_BYTES_LIMIT) {
      throw new IllegalArgumentException("logging.fileBytesMax: must be " + FILE_BYTES_MIN + " to "
          + FILE_BYTES_LIMIT + ", got " + fileBytesMax);
    }
    if (filesMax < 1 || filesMax > FILES_LIMIT) {
      throw new IllegalArgumentException("logging.filesMax: must be 1 to " + FILES_LIMIT + ", got "
          + filesMax);
    }
    if (!LEVELS.contains(level)) {
      throw new IllegalArgumentException("logging.level: must be one of " + new java.util.TreeSet<>(LEVELS)
          + ", got " + level);
    }
  }

  /** Standard error at INFO. */
  public static LoggingConfig defaults() {
    return new LoggingConfig(Optional.empty(), FILE_BYTES_MAX_DEFAULT, FILES_MAX_DEFAULT, LEVEL_DEFAULT);
  }
}
