package org.xinlian.node;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.logging.ConsoleHandler;
import java.util.logging.FileHandler;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Sends the process's log (the JDK's {@code System.Logger}, which Xinlian logs through) where
 * {@link LoggingConfig} says, one line per record with its time, level and source, the stack
 * trace below when there is one. Rotation is the JDK's {@link FileHandler}: when a file reaches
 * its size the files shift by one and the oldest is deleted (NODE-20).
 */
public final class NodeLogging {
  private NodeLogging() {}

  /** Replaces the root logger's handlers; call once, when a node process starts. */
  public static void install(LoggingConfig config) {
    Logger root = Logger.getLogger("");
    Handler handler = handler(config);
    for (Handler existing : root.getHandlers()) {
      root.removeHandler(existing);
      existing.close();
    }
    root.addHandler(handler);
    root.setLevel(handler.getLevel());
  }

  /** The handler {@code config} asks for, at its level, formatting one line per record. */
  static Handler handler(LoggingConfig config) {
    Handler handler;
    if (config.file().isPresent()) {
      Path file = config.file().get().toAbsolutePath().normalize();
      try {
        Files.createDirectories(file.getParent());
        handler = new FileHandler(pattern(file), (int) config.fileBytesMax(), config.filesMax(), true);
      } catch (IOException e) {
        throw new UncheckedIOException("logging.file: cannot open " + file + ": " + e.getMessage(), e);
      }
    } else {
      handler = new ConsoleHandler();
    }
    handler.setLevel(level(config.level()));
    handler.setFormatter(new LineFormatter());
    return handler;
  }

  /** {@code logs/node.log} rotates as {@code logs/node.0.log} (newest) to {@code logs/node.4.log}. */
  static String pattern(Path file) {
    String name = file.getFileName().toString().replace("%", "%%");
    int dot = name.lastIndexOf('.');
    String rotated = dot > 0 ? name.substring(0, dot) + ".%g" + name.substring(dot) : name + ".%g";
    return file.resolveSibling(rotated).toString().replace('\\', '/');
  }

  static Level level(String name) {
    return switch (name) {
      case "ERROR" -> Level.SEVERE;
      case "WARNING" -> Level.WARNING;
      case "INFO" -> Level.INFO;
      case "DEBUG" -> Level.FINE;
      case "TRACE" -> Level.FINEST;
      default -> throw new IllegalArgumentException("logging.level: unknown level " + name);
    };
  }

  /** {@code 2026-12-06T20:42:52.123Z INFO org.xinlian.node.Node: message}. */
  static final class LineFormatter extends Formatter {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ISO_INSTANT;

    @Override
    public String format(LogRecord record) {
      StringBuilder line = new StringBuilder(160);
      line.append(TIME.format(record.getInstant())).append(' ').append(name(record.getLevel()))
          .append(' ').append(record.getLoggerName()).append(": ").append(formatMessage(record))
          .append(System.lineSeparator());
      if (record.getThrown() != null) {
        StringWriter trace = new StringWriter();
        record.getThrown().printStackTrace(new PrintWriter(trace));
        line.append(trace);
      }
      return line.toString();
    }

    private static String name(Level level) {
      if (level.intValue() >= Level.SEVERE.intValue()) {
        return "ERROR";
      }
      if (level.intValue() >= Level.WARNING.intValue()) {
        return "WARN";
      }
      if (level.intValue() >= Level.INFO.intValue()) {
        return "INFO";
      }
      return level.intValue() >= Level.FINE.intValue() ? "DEBUG" : "TRACE";
    }
  }
}
