package io.testgen.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.testgen.e2e.quality.HandFaultRuns;
import io.testgen.e2e.quality.JavaSuiteRun;
import io.testgen.e2e.quality.PlaywrightTestRun;
import io.testgen.testkit.sites.FixtureServer;
import io.testgen.testkit.sites.RecordedRequest;
import io.testgen.testkit.sites.corpus.CorpusApp;
import io.testgen.testkit.sites.corpus.CorpusApps;
import io.testgen.testkit.sites.corpus.GroundTruth;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The quality yardstick: runs the whole pipeline (real Temporal, Redis, worker and gateway
 * processes, Chromium) on every app of the fixture corpus, then runs the suite it generated under
 * Playwright's own runner against a freshly reset copy of the app and judges, from the requests the
 * app received, which features of its ground truth the suite exercised; then runs the same suite
 * once per fault of the app's hand-written catalogue ({@link HandFaultRuns}). Prints one table;
 * asserts nothing. Run {@code ./testgen bench quality [app...]}.
 */
public final class QualityBenchmark {
  /** One row of the table. */
  record Row(
      String app,
      int states,
      int forms,
      int scenarios,
      int verifiedTests,
      String mutationScore,
      PlaywrightTestRun.Outcome suiteRun,
      PlaywrightTestRun.Outcome secondRun,
      JavaSuiteRun.Outcome javaRun,
      JavaSuiteRun.Outcome javaSecondRun,
      List<String> exercised,
      List<String> missed,
      List<RecordedRequest> forbiddenSent,
      double pipelineSeconds,
      List<String> notShipped,
      HandFaultRuns.Summary handFaults,
      Proven proven) {
    double coverage() {
      int all = exercised.size() + missed.size();
      return all == 0 ? 0 : exercised.size() / (double) all;
    }
  }

  /**
   * Scenarios that became shipped tests, and of the others how many were left out by a setting of
   * the run (a destructive action or a write not allowed: a user's decision).
   */
  record Proven(int proven, int scenarios, int byRunSetting) {
    static Proven of(JsonNode scenarios, JsonNode tests) {
      Set<String> shipped = new HashSet<>();
      Map<String, String> reasons = new HashMap<>();
      for (JsonNode t : tests) {
        String status = t.path("status").asText();
        String scenario = t.path("scenario_id").asText();
        if (status.equals("passed") || status.equals("repaired")) shipped.add(scenario);
        else reasons.putIfAbsent(scenario, t.path("failure").path("error").asText(""));
      }
      int proven = 0;
      int byRunSetting = 0;
      for (JsonNode s : scenarios) {
        String id = s.path("scenario_id").asText();
        if (shipped.contains(id)) proven++;
        else if (reasons
            .getOrDefault(id, "")
            .matches("(?s).*(not allowed|allow_writes|signs in with).*")) byRunSetting++;
      }
      return new Proven(proven, scenarios.size(), byRunSetting);
    }

    String cell() {
      return String.format(
          Locale.ROOT,
          "%d/%d = %.0f %% (%d by a run setting)",
          proven,
          scenarios,
          scenarios == 0 ? 0.0 : 100.0 * proven / scenarios,
          byRunSetting);
    }
  }

  private QualityBenchmark() {}

  public static void main(String[] args) throws Exception {
    List<String> only = List.of(args);
    List<Row> rows = new ArrayList<>();
    try (TestGenStack stack = TestGenStack.start()) {
      GatewayHttp http = new GatewayHttp(stack.gatewayUrl(), TestGenStack.API_KEY);
      for (String name : CorpusApps.all().keySet()) {
        if (!only.isEmpty() && !only.contains(name)) continue;
        rows.add(measure(http, CorpusApps.create(name)));
        print(rows.get(rows.size() - 1));
        System.out.print(table(rows.subList(rows.size() - 1, rows.size()))); // the row at once
      }
    }
    System.out.println();
    System.out.println(table(rows));
  }

  static Row measure(GatewayHttp http, CorpusApp app) throws Exception {
    GroundTruth truth = app.groundTruth();
    try (FixtureServer server = app.install(FixtureServer.start())) {
      app.reset();
      CorpusRun.Finished run =
          CorpusRun.run(http, app.name(), CorpusRun.request(app, server, 4, 60));
      JsonNode results = run.results();
      String id = run.workflowId();
      JsonNode observation = results.path("observation_result");

      byte[] suite = http.get("/api/v2/workflows/" + id + "/suite?format=playwright-ts").bytes();
      app.reset();
      server.clearRequests();
      Map<String, String> env = new HashMap<>();
      env.put("BASE_URL", server.baseUrl());
      env.put(
          "PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH",
          System.getenv().getOrDefault("TESTGEN_CHROMIUM_PATH", "/usr/bin/chromium"));
      env.put("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
      env.put("CI", "1");
      if (truth.login() != null) {
        env.put("TESTGEN_USERNAME", truth.login().username());
        env.put("TESTGEN_PASSWORD", truth.login().password());
      }
      Path work = Files.createTempDirectory("quality-" + app.name());
      PlaywrightTestRun.Outcome suiteRun = PlaywrightTestRun.run(suite, work, env, 2);
      List<RecordedRequest> requests = server.requests();
      // both renderings, each twice in a row on the app as the runs before left it: tests that
      // make their own data pass in any order and again
      PlaywrightTestRun.Outcome secondRun = PlaywrightTestRun.run(suite, work, env, 2);
      byte[] javaSuite =
          http.get("/api/v2/workflows/" + id + "/suite?format=playwright-java").bytes();
      Path javaWork = Files.createTempDirectory("quality-java-" + app.name());
      JavaSuiteRun.Outcome javaRun = JavaSuiteRun.run(javaSuite, javaWork, env);
      JavaSuiteRun.Outcome javaSecondRun = JavaSuiteRun.run(javaSuite, javaWork, env);
      HandFaultRuns.Summary handFaults = HandFaultRuns.run(app, server, suite, work, env, suiteRun);
      List<String> exercised =
          truth.exercised(requests).stream().map(GroundTruth.Feature::id).toList();
      List<String> missed =
          truth.features().stream()
              .map(GroundTruth.Feature::id)
              .filter(f -> !exercised.contains(f))
              .toList();
      return new Row(
          app.name(),
          observation.path("states").size(),
          observation.path("forms").size(),
          results.path("requirements_result").path("scenarios").size(),
          results.path("test_count").asInt(),
          mutationScore(results.path("evolution_result").path("mutation")),
          suiteRun,
          secondRun,
          javaRun,
          javaSecondRun,
          exercised,
          missed,
          truth.forbiddenSent(requests),
          run.seconds(),
          notShipped(results.path("evolution_result").path("tests")),
          handFaults,
          Proven.of(
              results.path("requirements_result").path("scenarios"),
              results.path("evolution_result").path("tests")));
    }
  }

  /**
   * Each test that did not ship: its status, title and reason, so a missed feature is explained.
   */
  private static List<String> notShipped(JsonNode tests) {
    List<String> out = new ArrayList<>();
    for (JsonNode t : tests) {
      String status = t.path("status").asText();
      if (status.equals("passed") || status.equals("repaired")) continue;
      out.add(
          status
              + " "
              + t.path("title").asText()
              + ": "
              + t.path("failure").path("error").asText(""));
    }
    return out;
  }

  private static String mutationScore(JsonNode mutation) {
    if (mutation.isMissingNode() || mutation.isNull() || mutation.path("score").isNull())
      return "off";
    return String.format(
        Locale.ROOT,
        "%.0f %% (%d/%d)",
        100 * mutation.path("score").asDouble(),
        mutation.path("killed").asInt(),
        mutation.path("injected").asInt() - mutation.path("discarded").asInt());
  }

  private static void print(Row row) {
    System.out.printf(
        Locale.ROOT,
        "%n== %s: exercised %s%n   missed %s%n   requests exploration must never send, sent by the"
            + " suite (a test signs out of its own session, deletes only records it made): %s%n",
        row.app(),
        row.exercised(),
        row.missed(),
        row.forbiddenSent());
    row.notShipped().forEach(t -> System.out.println("   not shipped: " + t));
    row.secondRun().failedTests().forEach(t -> System.out.println("   failed again: " + t));
    for (JavaSuiteRun.Outcome java : List.of(row.javaRun(), row.javaSecondRun()))
      if (java.exitCode() != 0 || java.failed() > 0)
        System.out.println(
            "   Java suite: exit "
                + java.exitCode()
                + ", "
                + java.cell()
                + "\n"
                + java.output().substring(Math.max(0, java.output().length() - 3000)));
    row.handFaults().runs().stream()
        .filter(f -> !f.killed())
        .forEach(f -> System.out.println("   hand fault survived: " + f.fault()));
    if (row.suiteRun().exitCode() != 0) {
      String out = row.suiteRun().output();
      System.out.println(out.substring(Math.max(0, out.length() - 3000)));
    }
  }

  static String table(List<Row> rows) {
    StringBuilder out = new StringBuilder();
    out.append(
        "| app | states | forms | scenarios | verified tests | scenarios proven | suite run"
            + " (passed/total) | pass rate | again | Java suite (mvn test), twice | feature"
            + " coverage | mutation score | hand faults killed | pipeline time |\n");
    out.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (Row r : rows) {
      PlaywrightTestRun.Outcome run = r.suiteRun();
      out.append(
          String.format(
              Locale.ROOT,
              "| %s | %d | %d | %d | %d | %s | %d/%d | %.0f %% | %d/%d | %s, %s | %d/%d = %.0f %%"
                  + " | %s | %s | %.0f s |%n",
              r.app(),
              r.states(),
              r.forms(),
              r.scenarios(),
              r.verifiedTests(),
              r.proven().cell(),
              run.passed(),
              run.total(),
              run.total() == 0 ? 0.0 : 100.0 * run.passed() / run.total(),
              r.secondRun().passed(),
              r.secondRun().total(),
              r.javaRun().cell(),
              r.javaSecondRun().cell(),
              r.exercised().size(),
              r.exercised().size() + r.missed().size(),
              100 * r.coverage(),
              r.mutationScore(),
              r.handFaults().cell(),
              r.pipelineSeconds()));
    }
    return out.toString();
  }
}
