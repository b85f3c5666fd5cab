package org.xinlian.node;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Where a node's log goes and how much of it is kept (docs/spec/operations.md OPS-50 to OPS-55,
 * docs/adr/0018). Without a file it goes to standard error, as for {@code xinlian dev} in a
 * terminal; with one it goes to {@code file}, which rolls over each day and whenever it reaches
 * {@code fileBytesMax}, the rolled files kept {@code maxHistoryDays} days and never more than
 * {@code totalBytesMax} bytes together.
 *
 * @param file the current log file; rolled files sit beside it as {@code <name>.<date>.<i>.<ext>}
 * @param fileBytesMax when the current file rolls over within a day
 * @param maxHistoryDays days of rolled files kept
 * @param totalBytesMax the most the rolled files may take together; the oldest go first
 * @param level the least level logged: ERROR, WARN (or WARNING), INFO, DEBUG or TRACE
 * @param levels levels by logger or package name ({@code org.xinlian.consensus}), over {@code level}
 * @param format {@link Format#TEXT} one line per record, or {@link Format#JSON} one object a line
 */
public record LoggingConfig(Optional<Path> file, long fileBytesMax, int maxHistoryDays,
    long totalBytesMax, String level, Map<String, String> levels, Format format) {
  public static final long FILE_BYTES_MAX_DEFAULT = 10L * 1024 * 1024;
  public static final long FILE_BYTES_MIN = 64 * 1024;
  public static final long FILE_BYTES_LIMIT = 2L * 1024 * 1024 * 1024;
  public static final int HISTORY_DAYS_DEFAULT = 30;
  public static final int HISTORY_DAYS_LIMIT = 3_650;
  public static final long TOTAL_BYTES_MAX_DEFAULT = 1024L * 1024 * 1024;
  public static final long TOTAL_BYTES_LIMIT = 1024L * 1024 * 1024 * 1024;
  /** Per-package levels: a handful is what an investigation needs; the bound keeps configs sane. */
  public static final int LEVELS_MAX = 64;
  public static final int LOGGER_NAME_CHARS_MAX = 200;
  public static final String LEVEL_DEFAULT = "INFO";
  /** WARNING is the JDK's name, kept from earlier configs; OFF silences a package. */
  public static final Set<String> LEVELS = Set.of("OFF", "ERROR", "WARN", "WARNING", "INFO", "DEBUG", "TRACE");
  private static final Pattern LOGGER_NAME =
      Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*(\\.[A-Za-z_$][A-Za-z0-9_$]*)*");

  /** How each record is written. */
  public enum Format {
    /** {@code 2026-12-06T20:42:52.123Z INFO org.xinlian.node.Node [height=5 round=0]: message}. */
    TEXT,
    /** Logback's JsonEncoder: one JSON object a line, the MDC (height, round) as {@code mdc}. */
    JSON
  }

  public LoggingConfig {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(format, "format");
    if (fileBytesMax < FILE_BYTES_MIN || fileBytesMax > FILE_BYTES_LIMIT) {
      throw new IllegalArgumentException("logging.fileBytesMax: must be " + FILE_BYTES_MIN + " to "
          + FILE_BYTES_LIMIT + ", got " + fileBytesMax);
    }
    if (maxHistoryDays < 1 || maxHistoryDays > HISTORY_DAYS_LIMIT) {
      throw new IllegalArgumentException("logging.maxHistoryDays: must be 1 to " + HISTORY_DAYS_LIMIT
          + ", got " + maxHistoryDays);
    }
    if (totalBytesMax < fileBytesMax || totalBytesMax > TOTAL_BYTES_LIMIT) {
      throw new IllegalArgumentException("logging.totalBytesMax: must be fileBytesMax (" + fileBytesMax
          + ") to " + TOTAL_BYTES_LIMIT + ", got " + totalBytesMax);
    }
    checkLevel("logging.level", level);
    if (levels.size() > LEVELS_MAX) {
      throw new IllegalArgumentException("logging.levels: at most " + LEVELS_MAX + " entries, got "
          + levels.size());
    }
    for (Map.Entry<String, String> entry : levels.entrySet()) {
      String name = entry.getKey();
      if (name.length() > LOGGER_NAME_CHARS_MAX || !LOGGER_NAME.matcher(name).matches()) {
        throw new IllegalArgumentException("logging.levels." + name
            + ": not a package or class name (such as org.xinlian.consensus)");
      }
      checkLevel("logging.levels." + name, entry.getValue());
    }
    levels = Map.copyOf(levels);
  }

  private static void checkLevel(String field, String level) {
    if (level == null || !LEVELS.contains(level)) {
      throw new IllegalArgumentException(field + ": must be one of " + new TreeSet<>(LEVELS) + ", got " + level);
    }
  }

  /** Standard error at INFO, as text. */
  public static LoggingConfig defaults() {
    return new LoggingConfig(Optional.empty(), FILE_BYTES_MAX_DEFAULT, HISTORY_DAYS_DEFAULT,
        TOTAL_BYTES_MAX_DEFAULT, LEVEL_DEFAULT, Map.of(), Format.TEXT);
  }

  /** The per-package levels in name order (parents before children), for configuring them. */
  public Map<String, String> sortedLevels() {
    return new TreeMap<>(levels);
  }
}
