package org.xinlian.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * OPS-50 to OPS-53: Logback configured from the node config, each test on a Logback context of
 * its own (the process's stays as it is), writing real files.
 */
class NodeLoggingTest {
  private static final long FILE_BYTES = LoggingConfig.FILE_BYTES_MIN;
  private static final Duration CLEANUP_WAIT_MAX = Duration.ofSeconds(30);
  private final LoggerContext context = new LoggerContext();
  @TempDir Path directory;

  @BeforeEach
  void start() {
    // The process's MDC, which SLF4J's MDC (and so consensus) writes to.
    context.setMDCAdapter(MDC.getMDCAdapter());
    context.start();
  }

  @AfterEach
  void stop() {
    MDC.clear();
    context.stop();
  }

  private static LoggingConfig config(Optional<Path> file, long totalBytesMax, String level,
      Map<String, String> levels, LoggingConfig.Format format) {
    return new LoggingConfig(file, FILE_BYTES, 7, totalBytesMax, level, levels, format);
  }

  private static List<Path> logFiles(Path directory) throws IOException {
    try (Stream<Path> listed = Files.list(directory)) {
      return listed.filter(path -> path.getFileName().toString().endsWith(".log")).sorted().toList();
    }
  }

  private static long bytes(List<Path> files) {
    return files.stream().mapToLong(path -> {
      try {
        return Files.size(path);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }).sum();
  }

  /** OPS-51: the file rolls at its size within the day, and the rolled files stay under their total. */
  @Test
  void theLogRollsBySizeAndStaysUnderItsTotal() throws Exception {
    Path file = directory.resolve("logs/node.log");
    long totalBytesMax = 4 * FILE_BYTES;
    NodeLogging.configure(context, config(Optional.of(file), totalBytesMax, "INFO", Map.of(),
        LoggingConfig.Format.TEXT));
    Logger logger = context.getLogger("org.xinlian.network.NettyTransport");
    String padding = "x".repeat(200);
    for (int i = 0; i < 8_000; i++) {
      logger.warn("refused connection {} {}", i, padding);
    }
    logger.debug("below the level");
    // The oldest rolled files are deleted in the background after a roll: wait for it.
    Instant deadline = Instant.now().plus(CLEANUP_WAIT_MAX);
    List<Path> rolled = List.of();
    while (Instant.now().isBefore(deadline)) {
      rolled = logFiles(file.getParent()).stream().filter(path -> !path.equals(file)).toList();
      if (bytes(rolled) <= totalBytesMax) {
        break;
      }
      Thread.sleep(50);
    }
    context.stop();
    assertTrue(Files.exists(file), "the current file keeps its configured name");
    assertTrue(rolled.size() >= 2, "rolled: " + rolled);
    String day = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
    for (Path path : rolled) {
      assertTrue(path.getFileName().toString().matches("node\\." + day + "\\.\\d+\\.log"), path.toString());
      assertTrue(Files.size(path) <= FILE_BYTES + 1_000, path + ": " + Files.size(path));
    }
    assertTrue(bytes(rolled) <= totalBytesMax, "rolled files take " + bytes(rolled));
    List<String> newest = Files.readAllLines(file);
    assertTrue(newest.get(newest.size() - 1).matches(
        "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z WARN org\\.xinlian\\.network\\.NettyTransport:"
            + " refused connection 7999 x+"), newest.get(newest.size() - 1));
    assertFalse(String.join("\n", newest).contains("below the level"));
  }

  /** OPS-52: levels per package over the overall one, the most specific name winning. */
  @Test
  void levelsPerPackageOverrideTheOverallLevel() throws Exception {
    Path file = directory.resolve("node.log");
    NodeLogging.configure(context, config(Optional.of(file), 4 * FILE_BYTES, "INFO",
        Map.of("org.xinlian.consensus", "DEBUG", "org.xinlian.network", "WARNING",
            "org.xinlian.network.PeerSession", "TRACE"), LoggingConfig.Format.TEXT));
    context.getLogger("org.xinlian.consensus.bft.Engine").debug("consensus debug");
    context.getLogger("org.xinlian.consensus.bft.Engine").trace("consensus trace");
    context.getLogger("org.xinlian.network.NettyTransport").info("network info");
    context.getLogger("org.xinlian.network.NettyTransport").warn("network warn");
    context.getLogger("org.xinlian.network.PeerSession").trace("session trace");
    context.getLogger("org.xinlian.rpc.Server").debug("rpc debug");
    context.getLogger("org.xinlian.rpc.Server").info("rpc info");
    context.stop();
    String log = Files.readString(file);
    for (String shown : List.of("consensus debug", "network warn", "session trace", "rpc info")) {
      assertTrue(log.contains(shown), shown + " missing from\n" + log);
    }
    for (String hidden : List.of("consensus trace", "network info", "rpc debug")) {
      assertFalse(log.contains(hidden), hidden + " in\n" + log);
    }
  }

  /** OPS-53, OPS-54: text lines carry the consensus position; the JSON layout one object a line. */
  @Test
  void theJsonLayoutWritesOneObjectALineWithTheConsensusPosition() throws Exception {
    Path file = directory.resolve("node.json.log");
    NodeLogging.configure(context, config(Optional.of(file), 4 * FILE_BYTES, "INFO", Map.of(),
        LoggingConfig.Format.JSON));
    MDC.put("height", "42");
    MDC.put("round", "3");
    context.getLogger("org.xinlian.node.consensus").info("round change to round {}", 3);
    MDC.clear();
    context.getLogger("org.xinlian.rpc").warn("said \"no\"\nover two lines");
    context.stop();
    List<String> lines = Files.readAllLines(file);
    assertEquals(2, lines.size(), String.join("\n", lines));
    ObjectMapper json = new ObjectMapper();
    JsonNode first = json.readTree(lines.get(0));
    assertEquals("INFO", first.get("level").asText());
    assertEquals("org.xinlian.node.consensus", first.get("loggerName").asText());
    assertEquals("round change to round 3", first.get("formattedMessage").asText());
    assertEquals("42", first.get("mdc").get("height").asText());
    assertEquals("3", first.get("mdc").get("round").asText());
    assertTrue(first.get("timestamp").asLong() > 0);
    JsonNode second = json.readTree(lines.get(1));
    assertEquals("said \"no\"\nover two lines", second.get("formattedMessage").asText());
  }

  @Test
  void textLinesCarryTheConsensusPositionWhenThereIsOne() throws Exception {
    Path file = directory.resolve("node.log");
    NodeLogging.configure(context, config(Optional.of(file), 4 * FILE_BYTES, "INFO", Map.of(),
        LoggingConfig.Format.TEXT));
    MDC.put("height", "42");
    MDC.put("round", "3");
    context.getLogger("org.xinlian.node.consensus").info("at a position");
    MDC.clear();
    context.getLogger("org.xinlian.rpc").info("elsewhere");
    context.stop();
    List<String> lines = Files.readAllLines(file);
    assertTrue(lines.get(0).endsWith(" INFO org.xinlian.node.consensus [height=42 round=3]: at a position"),
        lines.get(0));
    assertTrue(lines.get(1).endsWith(" INFO org.xinlian.rpc: elsewhere"), lines.get(1));
  }

  /** OPS-50: the JDK's System.Logger, which Xinlian's code logs through, reaches Logback. */
  @Test
  void theJdkSystemLoggerReachesLogback() {
    LoggerContext global = NodeLogging.context();
    Logger logger = global.getLogger("org.xinlian.test.platform");
    ListAppender<ILoggingEvent> capture = new ListAppender<>();
    capture.setContext(global);
    capture.start();
    logger.addAppender(capture);
    try {
      System.getLogger("org.xinlian.test.platform").log(System.Logger.Level.WARNING,
          "height {0}: lost validator {1}", "7", "0xab");
      assertEquals(1, capture.list.size());
      assertEquals("height 7: lost validator 0xab", capture.list.get(0).getFormattedMessage());
      assertEquals(ch.qos.logback.classic.Level.WARN, capture.list.get(0).getLevel());
      assertTrue(LoggerFactory.getILoggerFactory() instanceof LoggerContext);
    } finally {
      logger.detachAppender(capture);
    }
  }

  /** A log file that cannot be opened is refused at start, naming the field. */
  @Test
  void anUnopenableFileIsRefusedNamingTheField() throws Exception {
    Path blocker = directory.resolve("not-a-directory");
    Files.writeString(blocker, "x");
    UncheckedIOException error = assertThrows(UncheckedIOException.class, () -> NodeLogging.configure(
        context, config(Optional.of(blocker.resolve("node.log")), 4 * FILE_BYTES, "INFO", Map.of(),
            LoggingConfig.Format.TEXT)));
    assertTrue(error.getMessage().startsWith("logging.file: "), error.getMessage());
  }

  @Test
  void rolledFilesAreNamedByDayAndIndex() {
    assertEquals("/srv/x/logs/node.%d{yyyy-MM-dd,UTC}.%i.log",
        NodeLogging.rolledPattern(Path.of("/srv/x/logs/node.log")));
    assertEquals("/srv/x/node-log.%d{yyyy-MM-dd,UTC}.%i", NodeLogging.rolledPattern(Path.of("/srv/x/node-log")));
  }
}
