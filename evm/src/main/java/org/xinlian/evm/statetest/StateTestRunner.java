package org.xinlian.evm.statetest;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.xinlian.common.Clock;
import org.xinlian.common.Invariants;

/**
 * The conformance runner behind {@code xinlian evm statetest} and the GeneralStateTests JUnit
 * test: runs every Cancun post entry of ethereum/tests state-test files (EVM-8) and reports a
 * verdict per case (EVM-9).
 *
 * <p>Files run in parallel on a bounded pool of threads; each case runs on one thread from start
 * to end, on its own world state, so parallelism cannot change a verdict. A file that is too
 * large, unreadable or not a state-test file becomes one failing verdict named
 * {@link CaseVerdict#WHOLE_FILE} rather than an exception, so one bad file does not hide the
 * verdicts on the others.
 */
public final class StateTestRunner {
  /** The fork whose post states are checked. */
  public static final String FORK = "Cancun";

  /** Largest file read; the largest GeneralStateTests file is a few MiB. */
  public static final long STATE_TEST_FILE_BYTES_MAX = 64L * 1024 * 1024;

  /** Deepest JSON nesting accepted; state tests nest about six levels. */
  public static final int JSON_NESTING_DEPTH_MAX = 64;

  private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
      .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(JSON_NESTING_DEPTH_MAX).build())
      .build());

  private final int threads;
  private final Clock clock;

  /**
   * @param threads how many files run at once (at least 1)
   * @param clock measures each case's duration, reported in {@link CaseVerdict#elapsedNanos()}
   */
  public StateTestRunner(int threads, Clock clock) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads: must be at least 1, got " + threads);
    }
    this.threads = threads;
    this.clock = clock;
  }

  /** One thread per available processor. */
  public static int defaultThreads() {
    return Runtime.getRuntime().availableProcessors();
  }

  /**
   * The {@code .json} files named by {@code paths}: a file as is, a directory walked recursively,
   * each sorted by path.
   *
   * @throws NoSuchFileException when a path does not exist
   */
  public static List<Path> testFiles(List<Path> paths) throws IOException {
    List<Path> files = new ArrayList<>();
    for (Path path : paths) {
      if (!Files.exists(path)) {
        throw new NoSuchFileException(path.toString());
      }
      if (Files.isDirectory(path)) {
        try (Stream<Path> walk = Files.walk(path)) {
          walk.filter(p -> p.getFileName().toString().endsWith(".json") && Files.isRegularFile(p))
              .sorted()
              .forEach(files::add);
        }
      } else {
        files.add(path);
      }
    }
    return files;
  }

  /** Runs every Cancun case of every file under {@code paths} (see {@link #testFiles}). */
  public StateTestReport run(List<Path> paths) throws IOException {
    List<Path> files = testFiles(paths);
    ExecutorService pool = Executors.newFixedThreadPool(threads, workerThreads());
    try {
      List<Future<List<CaseVerdict>>> pending = new ArrayList<>(files.size());
      for (Path file : files) {
        pending.add(pool.submit(() -> runFile(file)));
      }
      List<CaseVerdict> verdicts = new ArrayList<>();
      for (Future<List<CaseVerdict>> future : pending) {
        verdicts.addAll(await(future));
      }
      return new StateTestReport(verdicts);
    } finally {
      pool.shutdownNow();
    }
  }

  /** Every Cancun case of one file, in file order, on the calling thread. */
  public List<CaseVerdict> runFile(Path file) {
    String fileName = file.getFileName().toString();
    Path parent = file.toAbsolutePath().normalize().getParent();
    String folder = parent == null || parent.getFileName() == null ? "." : parent.getFileName().toString();
    JsonNode root;
    try {
      root = read(file);
    } catch (IOException | RuntimeException e) {
      return List.of(new CaseVerdict(CaseVerdict.WHOLE_FILE, fileName, folder, false, describe(e), 0));
    }
    if (!root.isObject()) {
      return List.of(new CaseVerdict(CaseVerdict.WHOLE_FILE, fileName, folder, false,
          "not a state-test file: the top level is not a JSON object", 0));
    }
    List<CaseVerdict> verdicts = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> tests = root.fields(); tests.hasNext(); ) {
      Map.Entry<String, JsonNode> test = tests.next();
      JsonNode posts = test.getValue().path("post").path(FORK);
      for (JsonNode post : posts) {
        String name = StateTestCase.name(test.getKey(), post);
        long start = clock.nanoTime();
        Optional<String> problem = runCase(test.getValue(), post);
        long elapsed = clock.nanoTime() - start;
        verdicts.add(new CaseVerdict(name, fileName, folder, problem.isEmpty(), problem.orElse(""), elapsed));
      }
    }
    return verdicts;
  }

  private static Optional<String> runCase(JsonNode test, JsonNode post) {
    try {
      return StateTestCase.run(test, post);
    } catch (IllegalArgumentException e) {
      // DecodingException is one: a malformed field of the test itself.
      return Optional.of("invalid test: " + e.getMessage());
    } catch (RuntimeException | StackOverflowError e) {
      return Optional.of("runner error: " + e);
    }
  }

  /** Reads at most {@link #STATE_TEST_FILE_BYTES_MAX} bytes, so a huge file cannot exhaust memory. */
  private static JsonNode read(Path file) throws IOException {
    byte[] bytes;
    try (InputStream in = Files.newInputStream(file)) {
      bytes = in.readNBytes((int) STATE_TEST_FILE_BYTES_MAX + 1);
    }
    if (bytes.length > STATE_TEST_FILE_BYTES_MAX) {
      throw new IllegalArgumentException("file larger than the limit of " + STATE_TEST_FILE_BYTES_MAX + " bytes");
    }
    JsonNode root = JSON.readTree(bytes);
    return root == null ? JSON.missingNode() : root;
  }

  private static String describe(Exception e) {
    if (e instanceof JacksonException json) {
      return "malformed JSON: " + json.getOriginalMessage().strip().replaceAll("\\s+", " ")
          + (json.getLocation() == null ? "" : " at line " + json.getLocation().getLineNr()
              + ", column " + json.getLocation().getColumnNr());
    }
    if (e instanceof NoSuchFileException missing) {
      return "no such file: " + missing.getFile();
    }
    if (e instanceof IOException) {
      return "unreadable: " + e;
    }
    return e.getMessage() == null ? e.toString() : e.getMessage();
  }

  private static List<CaseVerdict> await(Future<List<CaseVerdict>> future) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for state tests", e);
    } catch (ExecutionException e) {
      // runFile turns every failure of a case into a verdict, so only an Error gets here.
      Throwable cause = e.getCause();
      Invariants.check(cause instanceof Error, "runFile threw " + cause);
      throw (Error) cause;
    }
  }

  private static ThreadFactory workerThreads() {
    AtomicInteger count = new AtomicInteger();
    return task -> {
      // Daemon threads: an abandoned run must not keep the JVM alive.
      Thread thread = new Thread(task, "statetest-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
