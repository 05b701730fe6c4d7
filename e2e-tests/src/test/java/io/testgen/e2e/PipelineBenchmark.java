package io.testgen.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.testgen.testkit.sites.DemoSite;
import io.testgen.testkit.sites.FixtureServer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Prints pipeline time per agent for the demo app, and SSE delivery latency (event timestamp at the
 * publisher to arrival at the client) with 1 and with {@code N} concurrent clients on the same run.
 * A benchmark, not a test: run {@code ./testgen bench pipeline [clients]} ({@link
 * CorpusPipelineBenchmark} times a corpus app instead).
 */
public final class PipelineBenchmark {
  private PipelineBenchmark() {}

  public static void main(String[] args) throws Exception {
    int clients = args.length > 0 ? Integer.parseInt(args[0]) : 50;
    try (FixtureServer site = DemoSite.install(FixtureServer.start());
        TestGenStack stack = TestGenStack.start()) {
      GatewayHttp http = new GatewayHttp(stack.gatewayUrl(), TestGenStack.API_KEY);
      for (int fanOut : new int[] {1, clients}) {
        String id =
            http.post(
                    "/api/v2/generate-tests",
                    "{\"url\":\"" + site.url("/") + "\",\"max_depth\":2,\"max_pages\":15}")
                .json()
                .path("workflow_id")
                .asText();
        ExecutorService pool = Executors.newFixedThreadPool(fanOut);
        List<Future<List<Long>>> futures = new ArrayList<>();
        for (int i = 0; i < fanOut; i++) futures.add(pool.submit(() -> latencies(http, id)));
        List<Long> all = new ArrayList<>();
        for (Future<List<Long>> f : futures) all.addAll(f.get());
        pool.shutdown();
        Collections.sort(all);
        JsonNode status = http.get("/api/v2/workflows/" + id).json();
        System.out.printf(Locale.ROOT, "%n== run %s with %d SSE client(s)%n", id, fanOut);
        for (String agent : CorpusRun.AGENTS) {
          System.out.printf(
              Locale.ROOT,
              "  %-13s %6.1f s%n",
              agent,
              CorpusRun.Finished.agentSeconds(status, agent));
        }
        JsonNode results = http.getOnceClosed("/api/v2/workflows/" + id + "/results").json();
        System.out.printf(
            Locale.ROOT,
            "  total         %6.1f s  (%d states, %d scenarios, %d verified tests)%n",
            results.path("total_duration_seconds").asDouble(),
            results.path("observation_result").path("states").size(),
            results.path("requirements_result").path("scenarios").size(),
            results.path("test_count").asInt());
        System.out.printf(
            Locale.ROOT,
            "  SSE latency   p50 %d ms, p95 %d ms, max %d ms over %d deliveries%n",
            pct(all, 50),
            pct(all, 95),
            all.get(all.size() - 1),
            all.size());
      }
    }
  }

  /** Follows a stream live and returns, per event, arrival minus publication time in ms. */
  private static List<Long> latencies(GatewayHttp http, String id) {
    List<Long> out = new ArrayList<>();
    for (GatewayHttp.Event e : http.streamLive(id, (event, arrived) -> {})) {
      Instant published = Instant.parse(e.data().path("timestamp").asText());
      out.add(Math.max(0, e.arrivedAt().toEpochMilli() - published.toEpochMilli()));
    }
    return out;
  }

  private static long pct(List<Long> sorted, int p) {
    return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
  }
}
