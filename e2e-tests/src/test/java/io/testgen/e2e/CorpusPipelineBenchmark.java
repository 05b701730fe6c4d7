package io.testgen.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.testgen.testkit.sites.FixtureServer;
import io.testgen.testkit.sites.corpus.CorpusApp;
import io.testgen.testkit.sites.corpus.CorpusApps;
import io.testgen.testkit.sites.corpus.GroundTruth;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Times the whole pipeline per agent on a corpus app (issue 14's end-to-end target: crud-shop with
 * {@code max_pages} 60, every template reached, every scenario verified 3 times, mutation analysis
 * off, in 60 s or less). Real Temporal, Redis, worker and gateway processes, Chromium; each round a
 * fresh run on a freshly reset app. Prints per round the time of each agent, what the run found and
 * its total as a ratio to the 60 s target; asserts nothing. Run {@code ./testgen bench pipeline APP
 * [MAX_PAGES [ROUNDS]]}.
 */
public final class CorpusPipelineBenchmark {
  /** Issue 14's end-to-end target, the reference every total is a ratio to. */
  static final double TARGET_SECONDS = 60;

  private CorpusPipelineBenchmark() {}

  public static void main(String[] args) throws Exception {
    String name = args.length > 0 ? args[0] : "crud-shop";
    int maxPages = args.length > 1 ? Integer.parseInt(args[1]) : 60;
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 1;
    CorpusApp app = CorpusApps.create(name);
    GroundTruth truth = app.groundTruth();
    double all = 0;
    try (TestGenStack stack = TestGenStack.start();
        FixtureServer server = app.install(FixtureServer.start())) {
      GatewayHttp http = new GatewayHttp(stack.gatewayUrl(), TestGenStack.API_KEY);
      for (int round = 1; round <= rounds; round++) {
        app.reset();
        ObjectNode body = CorpusRun.request(app, server, 4, maxPages);
        body.put("mutation_budget_seconds", 0); // off; verify runs stay at their default, 3
        String load = loadAverage();
        CorpusRun.Finished run = CorpusRun.run(http, name, body);
        all += run.seconds();
        print(name, maxPages, round, run, templatesReached(truth, run.results()), truth, load);
      }
    }
    System.out.printf(
        Locale.ROOT,
        "%n== %s, %d round(s): mean %.1f s = %.2fx the %.0f s target%n",
        name,
        rounds,
        all / rounds,
        all / rounds / TARGET_SECONDS,
        TARGET_SECONDS);
  }

  private static void print(
      String name,
      int maxPages,
      int round,
      CorpusRun.Finished run,
      Set<String> reached,
      GroundTruth truth,
      String loadBefore) {
    JsonNode results = run.results();
    System.out.printf(
        Locale.ROOT,
        "%n== %s max_pages %d, round %d: run %s (load before %s, after %s)%n",
        name,
        maxPages,
        round,
        run.workflowId(),
        loadBefore,
        loadAverage());
    for (String agent : CorpusRun.AGENTS)
      System.out.printf(Locale.ROOT, "  %-13s %6.1f s%n", agent, run.agentSeconds(agent));
    Set<String> missed = new TreeSet<>();
    truth.templates().forEach(t -> missed.add(t.id()));
    missed.removeAll(reached);
    System.out.printf(
        Locale.ROOT,
        "  found         %d states, %d scenarios, %d verified tests, templates %d/%d%s%n",
        results.path("observation_result").path("states").size(),
        results.path("requirements_result").path("scenarios").size(),
        results.path("test_count").asInt(),
        truth.templates().size() - missed.size(),
        truth.templates().size(),
        missed.isEmpty() ? "" : " (missed " + missed + ")");
    System.out.printf(
        Locale.ROOT,
        "  total         %6.1f s = %.2fx the %.0f s target (run status %s)%n",
        run.seconds(),
        run.seconds() / TARGET_SECONDS,
        TARGET_SECONDS,
        run.status().path("status").asText());
  }

  /**
   * Ground-truth templates the run's observation reached: a state's instance URLs by path and main
   * heading, and pages that answered with an error (findings), by path.
   */
  static Set<String> templatesReached(GroundTruth truth, JsonNode results) {
    JsonNode observation = results.path("observation_result");
    Set<String> reached = new TreeSet<>();
    for (JsonNode state : observation.path("states")) {
      JsonNode headings = state.path("headings");
      String heading = headings.isEmpty() ? null : headings.get(0).path("text").asText(null);
      for (JsonNode url : state.path("instance_urls")) {
        GroundTruth.Template t = truth.templateOf(URI.create(url.asText()).getPath(), heading);
        if (t != null) reached.add(t.id());
      }
    }
    for (JsonNode finding : observation.path("findings")) {
      if (!finding.path("kind").asText().equals("http_error") || !finding.hasNonNull("url"))
        continue;
      GroundTruth.Template t = truth.templateOf(URI.create(finding.path("url").asText()).getPath());
      if (t != null) reached.add(t.id());
    }
    return reached;
  }

  /** The 1, 5 and 15 minute load averages: the machine is shared, so every figure carries them. */
  private static String loadAverage() {
    try {
      String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return parts[0] + " " + parts[1] + " " + parts[2];
    } catch (java.io.IOException | RuntimeException e) {
      return "unknown";
    }
  }
}
