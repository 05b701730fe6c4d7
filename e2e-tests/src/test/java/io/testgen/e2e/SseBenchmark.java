package io.testgen.e2e;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.testgen.common.json.JsonMapperFactory;
import io.testgen.common.progress.ProgressEvent;
import io.testgen.common.progress.ProgressEventType;
import io.testgen.common.progress.ProgressStreams;
import io.testgen.testkit.bench.LoadAverage;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.params.XAddParams;
import redis.clients.jedis.resps.StreamEntry;

/**
 * Streams at scale (issue 14, item 5): one real gateway process (with Temporal and Redis, no
 * worker), {@value #RUNS} runs started through its API and left running, and 1 (the reference),
 * then 10, 100 and 1,000 concurrent SSE clients spread over those runs. At each level the benchmark
 * appends progress events to the runs' streams exactly as the worker's publisher does ({@code XADD
 * MAXLEN ~}, {@code EXPIRE}) and prints publish-to-client latency p50/p99 with its ratio to the
 * reference, and, while the clients are connected, the gateway's live threads (its SSE sender and
 * Tomcat threads apart), its heap after a full GC and the Redis connections other than the
 * benchmark's own. Not a test: {@code ./testgen bench sse [clients...]}.
 */
public final class SseBenchmark {
  static final int RUNS = 10;
  private static final String CLIENT_NAME = "sse-benchmark";

  private SseBenchmark() {}

  record Level(
      int clients,
      int runs,
      int connected,
      int refused,
      long expected,
      long[] latencies,
      GatewayFigures gateway,
      int redisConnections) {
    long pct(int p) {
      if (latencies.length == 0) return -1;
      return latencies[
          Math.min(latencies.length - 1, (int) Math.ceil(p / 100.0 * latencies.length) - 1)];
    }
  }

  /** The gateway process seen from outside. */
  record GatewayFigures(int threads, int senderThreads, int tomcatThreads, long heapAfterGcKb) {}

  public static void main(String[] args) throws Exception {
    List<Integer> levels = new ArrayList<>(List.of(1));
    for (String a : args) levels.add(Integer.parseInt(a));
    if (levels.size() == 1) levels.addAll(List.of(10, 100, 1000));
    int eventsPerRun = Integer.getInteger("events", 30);
    long intervalMillis = Long.getLong("interval", 10);
    ObjectMapper json = JsonMapperFactory.create();
    try (TestGenStack stack = TestGenStack.startGatewayOnly();
        Jedis redis = new Jedis(URI.create(stack.redis.url()))) {
      redis.clientSetname(CLIENT_NAME);
      List<String[]> runs = startRuns(stack); // {workflow id, api key}
      System.out.printf(
          Locale.ROOT,
          "gateway pid %d; %d runs; per level %d events over the runs followed, one every %d ms;"
              + " load %s%n",
          stack.gatewayPid(),
          runs.size(),
          eventsPerRun * RUNS,
          intervalMillis,
          LoadAverage.now());
      GatewayFigures idle = gateway(stack.gatewayPid());
      System.out.printf(
          Locale.ROOT,
          "idle gateway: %d threads (%d sse-sender, %d tomcat), heap %d KB after GC, %d Redis"
              + " connections%n",
          idle.threads(),
          idle.senderThreads(),
          idle.tomcatThreads(),
          idle.heapAfterGcKb(),
          redisConnections(redis));
      List<Level> results = new ArrayList<>();
      for (int clients : levels) {
        results.add(level(stack, redis, json, runs, clients, eventsPerRun, intervalMillis));
        print(results);
      }
      System.out.printf(Locale.ROOT, "load at the end %s%n", LoadAverage.now());
    }
  }

  private static Level level(
      TestGenStack stack,
      Jedis redis,
      ObjectMapper json,
      List<String[]> allRuns,
      int clients,
      int eventsPerRun,
      long intervalMillis)
      throws Exception {
    List<String[]> runs = allRuns.subList(0, Math.min(allRuns.size(), clients));
    try (SseClients sse = new SseClients()) {
      for (int i = 0; i < clients; i++) {
        String[] run = runs.get(i % runs.size());
        sse.open(
            stack.gatewayUrl() + "/api/v2/workflows/" + run[0] + "/stream",
            run[1],
            lastId(redis, run[0]));
        if (i % 100 == 99) sse.awaitConnected(Duration.ofSeconds(30)); // Tomcat's accept backlog
      }
      if (!sse.awaitConnected(Duration.ofSeconds(30)))
        System.out.printf(
            Locale.ROOT,
            "  %d of %d clients have no response headers after 30 s; going on without them%n",
            sse.opened() - sse.connected() - sse.refused(),
            clients);
      Thread.sleep(1500); // a newly watched stream joins the reader's XREAD after its block (1 s)
      // every level publishes as many events (RUNS x eventsPerRun), over the runs it follows
      int rounds = eventsPerRun * RUNS / runs.size();
      for (int e = 0; e < rounds; e++) {
        for (String[] run : runs) {
          publish(redis, json, run[0], clients, e);
          Thread.sleep(intervalMillis);
        }
      }
      long expected = (long) rounds * sse.connected();
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (sse.latencies().length < expected && System.nanoTime() < deadline) Thread.sleep(100);
      GatewayFigures gateway = gateway(stack.gatewayPid());
      return new Level(
          clients,
          runs.size(),
          sse.connected(),
          sse.refused(),
          expected,
          sse.latencies(),
          gateway,
          redisConnections(redis));
    } finally {
      // The gateway notices a hung-up client at its next write: one more event per run.
      for (String[] run : runs) publish(redis, json, run[0], 0, -1);
      Thread.sleep(2000);
    }
  }

  /** {@value #RUNS} runs, five per user (the default per-user quota), left running: no worker. */
  private static List<String[]> startRuns(TestGenStack stack) {
    List<String[]> runs = new ArrayList<>();
    for (int i = 0; i < RUNS; i++) {
      String key = i % 2 == 0 ? TestGenStack.API_KEY : TestGenStack.OTHER_KEY;
      GatewayHttp http = new GatewayHttp(stack.gatewayUrl(), key);
      GatewayHttp.Response started =
          http.post("/api/v2/generate-tests", "{\"url\":\"http://127.0.0.1:9/app-" + i + "\"}");
      if (started.status() != 202)
        throw new IllegalStateException("start answered " + started.status() + started.body());
      runs.add(new String[] {started.json().path("workflow_id").asText(), key});
    }
    return runs;
  }

  /** Appends an event as the worker's RedisProgressPublisher does. */
  private static void publish(Jedis redis, ObjectMapper json, String workflowId, int level, int seq)
      throws IOException {
    ProgressEvent event =
        new ProgressEvent(
            ProgressEventType.AGENT_PROGRESS,
            workflowId,
            "observation",
            0.1,
            "Exploring http://127.0.0.1/page/" + seq,
            Map.of("clients", level, "seq", seq),
            Instant.now());
    String key = ProgressStreams.key(workflowId);
    redis.xadd(
        key,
        XAddParams.xAddParams().maxLen(ProgressStreams.MAX_LENGTH).approximateTrimming(),
        Map.of(ProgressStreams.FIELD, json.writeValueAsString(event)));
    redis.expire(key, ProgressStreams.TTL.toSeconds());
  }

  private static String lastId(Jedis redis, String workflowId) {
    List<StreamEntry> last = redis.xrevrange(ProgressStreams.key(workflowId), "+", "-", 1);
    return last.isEmpty() ? null : last.get(0).getID().toString();
  }

  /** Connections Redis has, other than this benchmark's own. */
  private static int redisConnections(Jedis redis) {
    int n = 0;
    for (String line : redis.clientList().split("\n")) {
      if (!line.isBlank() && !line.contains("name=" + CLIENT_NAME + " ")) n++;
    }
    return n;
  }

  private static final Pattern USED = Pattern.compile("used (\\d+)K");

  static GatewayFigures gateway(long pid) throws IOException, InterruptedException {
    String status = Files.readString(Path.of("/proc/" + pid + "/status"));
    Matcher threads = Pattern.compile("Threads:\\s+(\\d+)").matcher(status);
    threads.find();
    String dump = jcmd(pid, "Thread.print");
    jcmd(pid, "GC.run");
    Matcher used = USED.matcher(jcmd(pid, "GC.heap_info"));
    return new GatewayFigures(
        Integer.parseInt(threads.group(1)),
        count(dump, "\"sse-sender"),
        count(dump, "\"http-nio-"),
        used.find() ? Long.parseLong(used.group(1)) : -1);
  }

  private static int count(String text, String needle) {
    int n = 0;
    for (int at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) n++;
    return n;
  }

  private static String jcmd(long pid, String command) throws IOException, InterruptedException {
    Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
    Process p =
        new ProcessBuilder(
                Files.isExecutable(jcmd) ? jcmd.toString() : "jcmd", String.valueOf(pid), command)
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor();
    return out;
  }

  private static void print(List<Level> levels) {
    Level ref = levels.get(0);
    System.out.printf(
        Locale.ROOT,
        "%n%7s %4s %9s %9s %7s %7s %6s %6s %7s %7s %6s %8s %9s %6s%n",
        "clients",
        "runs",
        "connected",
        "delivered",
        "p50_ms",
        "p99_ms",
        "p50x",
        "p99x",
        "max_ms",
        "threads",
        "sender",
        "tomcat",
        "heap_KB",
        "redis");
    for (Level l : levels) {
      System.out.printf(
          Locale.ROOT,
          "%7d %4d %9s %9s %7d %7d %6.1f %6.1f %7d %7d %6d %8d %9d %6d%n",
          l.clients(),
          l.runs(),
          l.connected() + (l.refused() > 0 ? "/-" + l.refused() : ""),
          l.latencies().length + "/" + l.expected(),
          l.pct(50),
          l.pct(99),
          (double) l.pct(50) / Math.max(1, ref.pct(50)),
          (double) l.pct(99) / Math.max(1, ref.pct(99)),
          l.latencies().length == 0 ? -1 : l.latencies()[l.latencies().length - 1],
          l.gateway().threads(),
          l.gateway().senderThreads(),
          l.gateway().tomcatThreads(),
          l.gateway().heapAfterGcKb(),
          l.redisConnections());
    }
  }
}
