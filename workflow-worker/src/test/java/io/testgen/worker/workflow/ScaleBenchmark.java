package io.testgen.worker.workflow;

import io.testgen.common.progress.ProgressStreams;
import io.testgen.common.workflow.GenerationResult;
import io.testgen.common.workflow.RunState;
import io.testgen.testkit.bench.LoadAverage;
import io.testgen.testkit.sites.FixtureServer;
import io.testgen.testkit.sites.observation.GeneratedSite;
import io.testgen.worker.observation.CrawlSettings;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Whether a run's cost stays flat as the app grows (issue 14, item 4): crawls the generated
 * 500-page app ({@link GeneratedSite}: 50 templates x 10 instances, forms on 20) with {@code
 * max_pages} 50, 200 and 500 through a real Temporal dev server and Redis, running Observation,
 * Requirements and Analysis (Evolution over 500 pages would take most of an hour here, so it is
 * left out), and prints per size: observation time per page and its ratio to the smallest size's,
 * the worker's heap after a full GC and its peak, the history's size and largest payload, Redis's
 * used memory and the run's stream. Not a test: {@code ./testgen bench scale [pages...]}.
 */
public final class ScaleBenchmark {
  private static final List<String> STAGES = List.of("observation", "requirements", "analysis");
  private static final long PAYLOAD_LIMIT = 128 * 1024;

  private ScaleBenchmark() {}

  record Row(
      int maxPages,
      int pages,
      int states,
      int forms,
      double observationSeconds,
      double laterStagesSeconds,
      long heapAfterGc,
      long heapPeak,
      RunHistory history,
      long redisUsed,
      long streamBytes) {
    double secondsPerPage() {
      return observationSeconds / Math.max(1, pages);
    }
  }

  public static void main(String[] args) throws Exception {
    List<Integer> sizes = new ArrayList<>();
    for (String a : args) sizes.add(Integer.parseInt(a));
    if (sizes.isEmpty()) sizes.addAll(List.of(50, 200, 500));
    // Every instance of a template is its own page here: the crawl's per-pattern trap guard (5
    // URLs) would stop at half the app, so it is lifted as CrawlBenchmark lifts it.
    CrawlSettings crawl =
        CrawlSettings.defaults()
            .with(
                s -> {
                  s.maxUrlsPerPattern = 10_000;
                  s.runBudget = Duration.ofMinutes(30);
                });
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    try (FixtureServer server = FixtureServer.start();
        BenchmarkStack stack = new BenchmarkStack(crawl)) {
      GeneratedSite site = GeneratedSite.install(server);
      System.out.printf(
          Locale.ROOT,
          "app: %d pages (50 templates x 10 instances, forms on 20); stages %s; heap max %d MB;"
              + " load %s%n",
          site.pages(),
          STAGES,
          Runtime.getRuntime().maxMemory() >> 20,
          LoadAverage.now());
      stack.run(
          "scale-warmup",
          BenchmarkStack.request(server.url("/"), 3, 10, 100, STAGES)); // Chromium, drivers, JIT
      List<Row> rows = new ArrayList<>();
      for (int size : sizes) {
        System.gc();
        AtomicLong peak = new AtomicLong();
        Thread sampler = sampleHeap(memory, peak);
        String id = "scale-" + size;
        GenerationResult result =
            stack.run(id, BenchmarkStack.request(server.url("/"), 3, size, 100, STAGES));
        sampler.interrupt();
        if (result.status() != RunState.COMPLETED)
          throw new IllegalStateException(id + " ended " + result.status());
        RunHistory history = stack.history(id);
        System.gc();
        System.gc();
        long heapAfterGc = memory.getHeapMemoryUsage().getUsed();
        RunHistory.Call observe = history.first("ObserveAndStore");
        var summary =
            (io.testgen.common.agents.observation.ObservationSummary) observe.execution().result();
        rows.add(
            new Row(
                size,
                summary.pagesVisited(),
                summary.stateCount(),
                summary.formCount(),
                observe.codeMillis() / 1000,
                (history.codeMillis() - observe.codeMillis()) / 1000,
                heapAfterGc,
                peak.get(),
                history,
                stack.redisUsedMemory(),
                stack.redisKeyBytes(ProgressStreams.key(id))));
        print(rows);
      }
      System.out.printf(Locale.ROOT, "load at the end %s%n", LoadAverage.now());
    }
  }

  private static Thread sampleHeap(MemoryMXBean memory, AtomicLong peak) {
    Thread sampler =
        new Thread(
            () -> {
              while (!Thread.currentThread().isInterrupted()) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                  Thread.sleep(100);
                } catch (InterruptedException e) {
                  return;
                }
              }
            },
            "heap-sampler");
    sampler.setDaemon(true);
    sampler.start();
    return sampler;
  }

  private static void print(List<Row> rows) {
    Row ref = rows.get(0);
    System.out.printf(
        Locale.ROOT,
        "%n%9s %5s %6s %5s %9s %6s %8s %9s %9s %8s %10s %9s %8s %10s %10s%n",
        "max_pages",
        "pages",
        "states",
        "forms",
        "obs_s/pg",
        "ratio",
        "req+an_s",
        "heap_gc",
        "ratio",
        "heap_pk",
        "history_B",
        "ratio",
        "largest",
        "redis_used",
        "stream_B");
    for (Row r : rows) {
      System.out.printf(
          Locale.ROOT,
          "%9d %5d %6d %5d %9.3f %6.2f %8.1f %8dM %9.2f %7dM %10d %9.2f %8d %10d %10d%n",
          r.maxPages(),
          r.pages(),
          r.states(),
          r.forms(),
          r.secondsPerPage(),
          r.secondsPerPage() / ref.secondsPerPage(),
          r.laterStagesSeconds(),
          r.heapAfterGc() >> 20,
          (double) r.heapAfterGc() / ref.heapAfterGc(),
          r.heapPeak() >> 20,
          r.history().historyBytes(),
          (double) r.history().historyBytes() / ref.history().historyBytes(),
          r.history().largestPayloadBytes(),
          r.redisUsed(),
          r.streamBytes());
    }
    Row last = rows.get(rows.size() - 1);
    System.out.printf(
        Locale.ROOT,
        "largest payload %d B (limit %d B: %s); heap peak %d MB incl. garbage (limit 1024 MB)%n",
        last.history().largestPayloadBytes(),
        PAYLOAD_LIMIT,
        rows.stream().allMatch(r -> r.history().largestPayloadBytes() <= PAYLOAD_LIMIT)
            ? "every run under it"
            : "OVER",
        rows.stream().mapToLong(Row::heapPeak).max().orElse(0) >> 20);
  }
}
