package org.xinlian.node;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeAndTimeBasedRollingPolicy;
import ch.qos.logback.core.status.Status;
import ch.qos.logback.core.util.FileSize;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;

/**
 * Configures Logback from {@link LoggingConfig}, with no logback.xml (docs/adr/0018). Xinlian's
 * code logs through the JDK's {@code System.Logger}, which {@code slf4j-jdk-platform-logging}
 * routes to SLF4J and so here; Netty logs to SLF4J directly. Text lines read
 * {@code 2026-12-06T20:42:52.123Z INFO org.xinlian.node.Node: message}, with
 * {@code [height=5 round=0]} before the colon on the lines consensus logs (OPS-53).
 */
public final class NodeLogging {
  /** ISO-8601 in UTC, level, logger, the consensus position when there is one, the message. */
  static final String TEXT_PATTERN =
      "%d{yyyy-MM-dd'T'HH:mm:ss.SSS'Z',UTC} %level %logger%consensusPosition: %msg%n";
  private static final String APPENDER = "xinlian";

  private NodeLogging() {}

  /**
   * Replaces Logback's configuration with {@code config}'s; call once, when a node process starts.
   *
   * @throws UncheckedIOException when the log file cannot be opened (naming {@code logging.file})
   */
  public static void install(LoggingConfig config) {
    LoggerContext context = context();
    context.reset();
    configure(context, config);
    if (!context.isStarted()) {
      context.start();
    }
  }

  /** Configures {@code context} (freshly made or reset) as {@code config} says. */
  static void configure(LoggerContext context, LoggingConfig config) {
    Appender<ILoggingEvent> appender = appender(context, config);
    Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    root.setLevel(level(config.level()));
    root.addAppender(appender);
    for (Map.Entry<String, String> entry : config.sortedLevels().entrySet()) {
      context.getLogger(entry.getKey()).setLevel(level(entry.getValue()));
    }
  }

  static LoggerContext context() {
    ILoggerFactory factory = LoggerFactory.getILoggerFactory();
    if (!(factory instanceof LoggerContext context)) {
      throw new IllegalStateException("logging: SLF4J is bound to " + factory.getClass().getName()
          + ", not Logback; remove the other SLF4J provider from the class path");
    }
    return context;
  }

  private static Appender<ILoggingEvent> appender(LoggerContext context, LoggingConfig config) {
    Encoder<ILoggingEvent> encoder = encoder(context, config.format());
    if (config.file().isEmpty()) {
      ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
      console.setContext(context);
      console.setName(APPENDER);
      console.setTarget("System.err");
      console.setEncoder(encoder);
      console.start();
      return console;
    }
    Path file = config.file().get().toAbsolutePath().normalize();
    try {
      Files.createDirectories(file.getParent());
    } catch (IOException e) {
      throw new UncheckedIOException("logging.file: cannot create " + file.getParent() + ": " + e.getMessage(), e);
    }
    RollingFileAppender<ILoggingEvent> rolling = new RollingFileAppender<>();
    rolling.setContext(context);
    rolling.setName(APPENDER);
    rolling.setFile(file.toString());
    SizeAndTimeBasedRollingPolicy<ILoggingEvent> policy = new SizeAndTimeBasedRollingPolicy<>();
    policy.setContext(context);
    policy.setParent(rolling);
    policy.setFileNamePattern(rolledPattern(file));
    policy.setMaxFileSize(new FileSize(config.fileBytesMax()));
    policy.setMaxHistory(config.maxHistoryDays());
    policy.setTotalSizeCap(new FileSize(config.totalBytesMax()));
    policy.start();
    rolling.setRollingPolicy(policy);
    rolling.setEncoder(encoder);
    long errorsBefore = errors(context).size();
    rolling.start();
    if (!policy.isStarted() || !rolling.isStarted()) {
      String why = errors(context).stream().skip(errorsBefore).map(Status::getMessage)
          .collect(Collectors.joining("; "));
      throw new UncheckedIOException("logging.file: cannot open " + file + ": " + why,
          new IOException(why));
    }
    return rolling;
  }

  private static java.util.List<Status> errors(LoggerContext context) {
    return context.getStatusManager().getCopyOfStatusList().stream()
        .filter(status -> status.getLevel() == Status.ERROR).toList();
  }

  /** {@code logs/node.log} rolls to {@code logs/node.2026-12-07.0.log}, {@code .1.log}, ... (UTC days). */
  static String rolledPattern(Path file) {
    String name = file.getFileName().toString().replace("%", "\\%");
    int dot = name.lastIndexOf('.');
    String stem = dot > 0 ? name.substring(0, dot) : name;
    String extension = dot > 0 ? name.substring(dot) : "";
    return file.resolveSibling(stem + ".%d{yyyy-MM-dd,UTC}.%i" + extension).toString().replace('\\', '/');
  }

  static Encoder<ILoggingEvent> encoder(LoggerContext context, LoggingConfig.Format format) {
    if (format == LoggingConfig.Format.JSON) {
      JsonEncoder json = new JsonEncoder();
      json.setContext(context);
      // One self-contained object a line: the message already formatted, its arguments not again.
      json.setWithSequenceNumber(false);
      json.setWithNanoseconds(false);
      json.setWithContext(false);
      json.setWithArguments(false);
      json.setWithMessage(false);
      json.setWithFormattedMessage(true);
      json.start();
      return json;
    }
    PatternLayout layout = new PatternLayout();
    layout.setContext(context);
    layout.getInstanceConverterMap().put("consensusPosition", ConsensusPositionConverter::new);
    layout.setPattern(TEXT_PATTERN);
    layout.start();
    LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
    encoder.setContext(context);
    encoder.setLayout(layout);
    encoder.setCharset(StandardCharsets.UTF_8);
    encoder.start();
    return encoder;
  }

  static Level level(String name) {
    return name.equals("WARNING") ? Level.WARN : Level.toLevel(name, null);
  }
}
