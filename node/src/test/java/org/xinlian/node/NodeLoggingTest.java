package org.xinlian.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** NODE-20: a node's log rotates and never grows past its bound; one line per record. */
class NodeLoggingTest {
  @TempDir Path directory;

  @Test
  void theLogRotatesAndStaysBounded() throws Exception {
    Path file = directory.resolve("logs/node.log");
    LoggingConfig config = new LoggingConfig(Optional.of(file), LoggingConfig.FILE_BYTES_MIN, 3, "INFO");
    Handler handler = NodeLogging.handler(config);
    String padding = "x".repeat(200);
    for (int i = 0; i < 2_000; i++) {
      LogRecord record = new LogRecord(Level.WARNING, "refused connection {0} " + padding);
      record.setParameters(new Object[] {Integer.toString(i)});
      record.setLoggerName("org.xinlian.network.NettyTransport");
      record.setInstant(Instant.parse("2026-12-06T20:00:00Z"));
      handler.publish(record);
    }
    LogRecord debug = new LogRecord(Level.FINE, "below the level");
    handler.publish(debug);
    handler.close();
    List<Path> files;
    try (Stream<Path> listed = Files.list(file.getParent())) {
      files = listed.filter(path -> path.getFileName().toString().endsWith(".log")).sorted().toList();
    }
    assertEquals(List.of("node.0.log", "node.1.log", "node.2.log"),
        files.stream().map(path -> path.getFileName().toString()).toList());
    long total = 0;
    for (Path path : files) {
      total += Files.size(path);
      assertTrue(Files.size(path) <= LoggingConfig.FILE_BYTES_MIN + 1_000, path + ": " + Files.size(path));
    }
    assertTrue(total <= 3 * (LoggingConfig.FILE_BYTES_MIN + 1_000), "total " + total);
    List<String> newest = Files.readAllLines(file.resolveSibling("node.0.log"));
    String last = newest.get(newest.size() - 1);
    assertTrue(last.startsWith("2026-12-06T20:00:00Z WARN org.xinlian.network.NettyTransport: refused connection 1999 "),
        last);
    assertTrue(newest.stream().noneMatch(line -> line.contains("below the level")));
  }

  @Test
  void theRotationPatternKeepsTheExtension() {
    assertEquals("/srv/x/logs/node.%g.log", NodeLogging.pattern(Path.of("/srv/x/logs/node.log")));
    assertEquals("/srv/x/node-log.%g", NodeLogging.pattern(Path.of("/srv/x/node-log")));
  }
}
