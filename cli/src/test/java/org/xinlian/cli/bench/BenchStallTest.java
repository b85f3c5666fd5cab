package org.xinlian.cli.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.xinlian.common.Clock;

/**
 * A node that accepts every transaction and never makes a block (anvil's automine once its
 * backlog outgrows a block and nothing new arrives): the measured phase ends as stalled instead of
 * waiting out the whole timeout, and the report says so. The clock runs a thousand times faster
 * than real time, so the 30 s stall is seen within milliseconds and the 28-hour timeout never is.
 */
class BenchStallTest {
  private static final int TRANSACTIONS = 1_000;
  private static final int SENDERS = 4;
  private static final int WINDOW = 16;
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Test
  void aNodeThatNeverIncludesIsReportedAsStalled() throws IOException {
    BenchConfig config = new BenchConfig(URI.create("http://127.0.0.1:1"), BenchConfig.Workload.TRANSFER,
        TRANSACTIONS, 0, 2, SENDERS, 8, WINDOW, 100_000, "stall", Optional.empty());
    BenchReport report = runAgainstANodeThatNeverIncludes(config);
    // Every sender's window filled up, then nothing more was sent.
    assertEquals(SENDERS * WINDOW, report.accepted());
    assertEquals(SENDERS * WINDOW, report.notIncluded());
    assertTrue(report.toText().contains("stalled:         the node included none of the 64 in flight for 30 s"),
        report.toText());
  }

  /** The window over all senders binds before the senders' own windows (4 × 16) are full. */
  @Test
  void theWindowOverAllSendersBoundsWhatIsInFlight() throws IOException {
    BenchConfig config = new BenchConfig(URI.create("http://127.0.0.1:1"), BenchConfig.Workload.TRANSFER,
        TRANSACTIONS, 0, 0, 2, SENDERS, 8, WINDOW, 40, 100_000, "stall", Optional.empty());
    BenchReport report = runAgainstANodeThatNeverIncludes(config);
    assertEquals(40, report.accepted());
    assertEquals(40, report.notIncluded());
  }

  private static BenchReport runAgainstANodeThatNeverIncludes(BenchConfig config) throws IOException {
    AtomicInteger accepted = new AtomicInteger();
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", exchange -> {
      JsonNode request = MAPPER.readTree(exchange.getRequestBody());
      JsonNode answer;
      if (request.isArray()) {
        ArrayNode answers = MAPPER.createArrayNode();
        request.forEach(item -> answers.add(answer(item, accepted)));
        answer = answers;
      } else {
        answer = answer(request, accepted);
      }
      byte[] body = MAPPER.writeValueAsBytes(answer);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    server.start();
    long origin = System.nanoTime();
    Clock fast = new Clock() {
      @Override
      public long currentTimeMillis() {
        return 0;
      }

      @Override
      public long nanoTime() {
        return (System.nanoTime() - origin) * 1_000;
      }
    };
    try (JsonRpcClient rpc = new JsonRpcClient(URI.create("http://127.0.0.1:" + server.getAddress().getPort()), 4)) {
      List<BenchSetup.SignedTransaction> transactions = new ArrayList<>();
      for (int i = 0; i < TRANSACTIONS; i++) {
        transactions.add(new BenchSetup.SignedTransaction(i, i % SENDERS, String.format("0x%064x", i), "0x01"));
      }
      LoadRunner.RunResult result = LoadRunner.run(config, transactions, rpc, fast, (s, i, f, t) -> { });
      BenchReport report = BenchReport.of("transfer", result);
      System.out.print(report.toText());

      assertTrue(report.stalled());
      assertEquals(0, report.included());
      assertEquals(accepted.get(), report.accepted(), "the node saw what the report counts");
      return report;
    } finally {
      server.stop(0);
    }
  }

  private static ObjectNode answer(JsonNode request, AtomicInteger accepted) {
    ObjectNode response = MAPPER.createObjectNode();
    response.put("jsonrpc", "2.0");
    response.set("id", request.get("id"));
    switch (request.path("method").asText()) {
      case "eth_blockNumber" -> response.put("result", "0x0");
      case "eth_sendRawTransaction" -> {
        accepted.incrementAndGet();
        response.put("result", "0x" + "00".repeat(32));
      }
      default -> response.putObject("error").put("code", -32601).put("message", "not here");
    }
    return response;
  }
}
