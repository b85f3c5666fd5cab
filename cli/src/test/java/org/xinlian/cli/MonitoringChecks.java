package org.xinlian.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The operations checks against real node processes (docs/spec/operations.md OPS-5x, OPS-6x):
 * the dashboard's and the alert rules' metrics on a node's /metrics, a real Prometheus scraping
 * the nodes, consensus log lines with their height and round, and no secret in any log. The
 * process test classes that run a network call these, so no extra network starts for them.
 */
final class MonitoringChecks {
  static final Path OPS = Path.of("").toAbsolutePath().getParent().resolve("ops");
  static final Path DASHBOARD = OPS.resolve("grafana/xinlian-node.json");
  static final Path ALERT_RULES = OPS.resolve("prometheus/xinlian-alerts.yml");
  static final Path PROMETHEUS = Path.of("/usr/bin/prometheus");
  static final Path PROMTOOL = Path.of("/usr/bin/promtool");
  /** Prometheus starts in a second or two and scrapes every second here: generous for a loaded CI machine. */
  static final Duration PROMETHEUS_WAIT_MAX = Duration.ofSeconds(90);
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(REQUEST_TIMEOUT).build();
  /** PromQL words that are not metric names: operators, modifiers. Functions are followed by "(". */
  private static final Set<String> PROMQL_WORDS = Set.of("and", "or", "unless", "by", "without", "on",
      "ignoring", "group_left", "group_right", "bool", "offset");
  private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*(\\s*\\()?");
  /** A line the node's logging wrote: time, level, logger. Continuation lines (stack traces) are not. */
  private static final Pattern LOG_LINE =
      Pattern.compile("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z (\\w+) (\\S+?)( \\[height=\\d+ round=\\d+\\])?: ");

  /** A JSON Web Token: two base64url JSON objects ({"...) and a signature, dot-separated. */
  private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]{8,}\\.eyJ[A-Za-z0-9_-]{8,}\\.");

  private MonitoringChecks() {}

  /** The dashboard's PromQL queries, with Grafana's variables given values Prometheus accepts. */
  static List<String> dashboardQueries() throws IOException {
    JsonNode dashboard = JSON.readTree(DASHBOARD.toFile());
    List<String> queries = new ArrayList<>();
    for (JsonNode panel : dashboard.get("panels")) {
      for (JsonNode target : panel.path("targets")) {
        queries.add(target.get("expr").asText().replace("$instance", ".*").replace("$__rate_interval", "1m"));
      }
    }
    return queries;
  }

  /** The metric names a PromQL expression reads. */
  static Set<String> metricNames(String promql) {
    String bare = promql.replaceAll("\"(\\\\.|[^\"\\\\])*\"", "\"\"")
        .replaceAll("\\{[^}]*\\}", " ")
        .replaceAll("\\[[^\\]]*\\]", " ")
        .replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ");
    Set<String> names = new TreeSet<>();
    Matcher matcher = IDENTIFIER.matcher(bare);
    while (matcher.find()) {
      String word = matcher.group();
      boolean function = matcher.group(1) != null;
      if (!function && !PROMQL_WORDS.contains(word) && !(matcher.start() > 0
          && Character.isDigit(bare.charAt(matcher.start() - 1)))) {
        names.add(word);
      }
    }
    return names;
  }

  /** A node's /metrics now, Prometheus's text format. */
  static String metricsText(int rpcPort) throws Exception {
    return get("http://127.0.0.1:" + rpcPort + "/metrics");
  }

  /** The metric names a node's /metrics exposes now. */
  static Set<String> exposedMetrics(int rpcPort) throws Exception {
    String text = metricsText(rpcPort);
    Set<String> names = new TreeSet<>();
    for (String line : text.split("\n")) {
      if (!line.isBlank() && !line.startsWith("#")) {
        names.add(line.split("[{ ]", 2)[0]);
      }
    }
    return names;
  }

  /** OPS-62: every metric the dashboard queries is on the node's /metrics. */
  static void dashboardMetricsExistOn(int rpcPort) throws Exception {
    Set<String> exposed = exposedMetrics(rpcPort);
    Set<String> queried = new TreeSet<>();
    for (String query : dashboardQueries()) {
      queried.addAll(metricNames(query));
    }
    assertTrue(queried.size() > 20, "the dashboard reads only " + queried);
    Set<String> missing = new TreeSet<>(queried);
    missing.removeAll(exposed);
    assertEquals(Set.of(), missing, "dashboard metrics missing from /metrics");
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /**
   * OPS-63: a real Prometheus with the alert rules scrapes the nodes on {@code rpcPorts}; its
   * query API returns each node's height, the rules load and evaluate without error, the
   * dashboard's queries all run, and every metric the rules read is on the nodes.
   */
  static void prometheusScrapes(Path directory, int... rpcPorts) throws Exception {
    assertTrue(Files.isExecutable(PROMETHEUS), PROMETHEUS + " missing: install the Debian package"
        + " prometheus (.ci/run does)");
    int port = freePort();
    StringBuilder targets = new StringBuilder();
    for (int rpcPort : rpcPorts) {
      targets.append(targets.length() == 0 ? "" : ", ").append("\"127.0.0.1:").append(rpcPort).append('"');
    }
    Path config = directory.resolve("prometheus.yml");
    Files.writeString(config, """
        global:
          scrape_interval: 1s
          evaluation_interval: 1s
        rule_files:
          - "%s"
        scrape_configs:
          - job_name: xinlian
            metrics_path: /metrics
            static_configs:
              - targets: [%s]
        """.formatted(ALERT_RULES, targets));
    Path output = directory.resolve("prometheus.out");
    Process prometheus = new ProcessBuilder(PROMETHEUS.toString(), "--config.file=" + config,
        "--storage.tsdb.path=" + directory.resolve("prometheus-data"),
        "--web.listen-address=127.0.0.1:" + port, "--log.level=warn")
        .redirectErrorStream(true).redirectOutput(output.toFile()).start();
    String api = "http://127.0.0.1:" + port + "/api/v1/";
    try {
      long deadline = System.nanoTime() + PROMETHEUS_WAIT_MAX.toNanos();
      JsonNode heights = null;
      while (System.nanoTime() < deadline) {
        if (!prometheus.isAlive()) {
          fail("prometheus exited: " + Files.readString(output));
        }
        try {
          heights = query(api, "xinlian_chain_height{job=\"xinlian\"}");
          if (heights.size() == rpcPorts.length) {
            break;
          }
        } catch (IOException notYet) {
          // Not listening yet.
        }
        Thread.sleep(250);
      }
      assertTrue(heights != null && heights.size() == rpcPorts.length,
          "Prometheus did not scrape every node's height: " + heights + "\n" + Files.readString(output));
      for (JsonNode series : heights) {
        assertTrue(Double.parseDouble(series.get("value").get(1).asText()) >= 1, series.toString());
      }
      for (String query : dashboardQueries()) {
        query(api, query);
      }
      // The rules evaluate every second: wait for a first evaluation of each, then none may err.
      Set<String> ruleMetrics = new TreeSet<>();
      long rulesDeadline = System.nanoTime() + PROMETHEUS_WAIT_MAX.toNanos();
      while (true) {
        JsonNode rules = JSON.readTree(get(api + "rules")).get("data").get("groups").get(0).get("rules");
        boolean evaluated = true;
        ruleMetrics.clear();
        for (JsonNode rule : rules) {
          assertFalse("err".equals(rule.path("health").asText()), rule.toString());
          evaluated &= "ok".equals(rule.path("health").asText());
          ruleMetrics.addAll(metricNames(rule.get("query").asText()));
        }
        assertEquals(10, rules.size(), rules.toString());
        if (evaluated) {
          break;
        }
        assertTrue(System.nanoTime() < rulesDeadline, "rules not evaluated: " + rules);
        Thread.sleep(250);
      }
      ruleMetrics.remove("up");
      Set<String> missing = new TreeSet<>(ruleMetrics);
      missing.removeAll(exposedMetrics(rpcPorts[0]));
      assertEquals(Set.of(), missing, "alert rule metrics missing from /metrics");
    } finally {
      prometheus.destroy();
      prometheus.waitFor();
    }
  }

  /** The result vector of an instant query; fails on a query Prometheus refuses. */
  private static JsonNode query(String api, String promql) throws Exception {
    JsonNode answer = JSON.readTree(get(api + "query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8)));
    assertEquals("success", answer.path("status").asText(), promql + ": " + answer);
    return answer.get("data").get("result");
  }

  private static String get(String url) throws Exception {
    HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(REQUEST_TIMEOUT)
        .GET().build(), HttpResponse.BodyHandlers.ofString());
    return response.body();
  }

  /** Every file of node {@code index}'s own log (the current file and the rolled ones). */
  static List<Path> logFiles(Path net, int index) throws IOException {
    Path logs = net.resolve("node" + index).resolve("logs");
    try (Stream<Path> files = Files.list(logs)) {
      return files.filter(Files::isRegularFile).sorted().toList();
    }
  }

  /**
   * OPS-53: every line consensus logged (its loggers, {@code org.xinlian.consensus} and
   * {@code org.xinlian.node.consensus} but transaction gossip) carries {@code [height=H round=R]};
   * returns how many such lines there were.
   */
  static long consensusLinesCarryTheirPosition(Path net, int index) throws IOException {
    long consensusLines = 0;
    for (Path file : logFiles(net, index)) {
      for (String line : Files.readAllLines(file)) {
        Matcher matcher = LOG_LINE.matcher(line);
        if (!matcher.find()) {
          continue;
        }
        String logger = matcher.group(2);
        boolean consensus = (logger.startsWith("org.xinlian.consensus") || logger.startsWith("org.xinlian.node.consensus"))
            && !logger.endsWith(".TransactionGossip");
        if (consensus) {
          consensusLines++;
          assertTrue(matcher.group(3) != null, file + ": a consensus line without its height and round: " + line);
        }
      }
    }
    return consensusLines;
  }

  /**
   * OPS-55: none of {@code secrets} appears, in any case, in what a node process printed
   * ({@code node<i>/node.log}) or in its own log ({@code node<i>/logs/}, rolled files included).
   */
  static void noSecretInLogs(Path net, int nodes, List<String> secrets) throws IOException {
    List<Path> logs = new ArrayList<>();
    for (int index = 0; index < nodes; index++) {
      logs.add(net.resolve("node" + index).resolve("node.log"));
      logs.addAll(logFiles(net, index));
    }
    assertTrue(logs.size() >= 2, "no logs under " + net);
    for (Path log : logs) {
      String original = Files.readString(log);
      // Whatever its origin: no JSON Web Token and no PEM private key block.
      assertFalse(JWT.matcher(original).find(), log + " contains a JSON Web Token");
      assertFalse(original.contains("PRIVATE KEY-----"), log + " contains a PEM private key");
      String text = original.toLowerCase(java.util.Locale.ROOT);
      for (String secret : secrets) {
        assertFalse(text.contains(secret.toLowerCase(java.util.Locale.ROOT)),
            log + " contains a secret: " + secret.substring(0, Math.min(8, secret.length())) + "...");
      }
    }
  }

  /**
   * The secrets of a network made by {@code network init}: for every key file (node, transport,
   * CA keys) the lines of its PEM body and its private scalar in hex; the content of any
   * passphrase or token file; and the development accounts' private keys.
   */
  static List<String> secretsOf(Path net) throws IOException {
    List<String> secrets = new ArrayList<>();
    List<Path> files;
    try (Stream<Path> walk = Files.walk(net)) {
      // Not the ledgers: RocksDB's files are no secrets of ours and are binary.
      files = walk.filter(Files::isRegularFile)
          .filter(path -> !net.relativize(path).toString().contains("/data/")).toList();
    }
    for (Path file : files) {
      String name = file.getFileName().toString();
      if (name.endsWith(".key.pem") || name.endsWith("key.pem")) {
        String pem = Files.readString(file);
        StringBuilder body = new StringBuilder();
        for (String line : pem.split("\\R")) {
          if (!line.startsWith("-----") && !line.isBlank()) {
            body.append(line.strip());
            if (line.strip().length() >= 24) {
              secrets.add(line.strip());
            }
          }
        }
        java.util.Optional<String> scalar = privateScalarHex(pem);
        // An unencrypted key must be read, or its hex would go unchecked.
        assertTrue(scalar.isPresent() || !pem.contains("-----BEGIN PRIVATE KEY-----"),
            file + ": an unencrypted key the check cannot read");
        scalar.ifPresent(secrets::add);
      } else if (name.contains("passphrase") || name.contains("token")) {
        String content = Files.readString(file).strip();
        if (content.length() >= 8) {
          secrets.add(content);
        }
      }
    }
    for (org.xinlian.node.DevChain.DevAccount account : org.xinlian.node.DevChain.ACCOUNTS) {
      secrets.add(account.privateKey().substring(2));
    }
    return secrets;
  }

  /** The private scalar of an unencrypted key of the chain's suite or of P2P TLS, as 64 hex digits. */
  private static java.util.Optional<String> privateScalarHex(String pem) {
    for (org.xinlian.crypto.CryptoSuite suite : List.of(org.xinlian.crypto.CryptoSuites.standard(),
        org.xinlian.crypto.CryptoSuites.gm())) {
      try {
        return java.util.Optional.of(org.xinlian.common.Hex.encodeBare(suite.privateKeyFromPem(pem).bytes()));
      } catch (RuntimeException otherKind) {
        // Not a key of this suite: try the next kind.
      }
    }
    try {
      java.security.PrivateKey key = org.xinlian.crypto.CryptoSuites.transport().privateKeyFromPem(pem);
      if (key instanceof java.security.interfaces.ECPrivateKey ec) {
        return java.util.Optional.of(String.format("%064x", ec.getS()));
      }
    } catch (RuntimeException otherKind) {
      // An encrypted key file: its PEM lines are the secrets to look for.
    }
    return java.util.Optional.empty();
  }
}
