package io.testgen.worker.evolution;

import io.testgen.common.agents.evolution.EvolutionResult;
import io.testgen.common.agents.evolution.GeneratedTest;
import io.testgen.common.agents.observation.ObservationResult;
import io.testgen.common.agents.requirements.RequirementsResult;
import io.testgen.common.json.JsonMapperFactory;
import io.testgen.common.security.TargetPolicy;
import io.testgen.testkit.commands.CommandRun;
import io.testgen.testkit.commands.PlaywrightTestModules;
import io.testgen.testkit.sites.DemoSite;
import io.testgen.testkit.sites.FixtureServer;
import io.testgen.testkit.sites.corpus.CorpusApps;
import io.testgen.worker.artifacts.ArtifactStore;
import io.testgen.worker.browser.BrowserPool;
import io.testgen.worker.browser.BrowserSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Evolution's verification against Playwright's own runner on the same tests. Not a test: run it
 * and read the numbers; it never fails on a time.
 *
 * <p>{@code VerifyBenchmark [app=demo] [workers=2] [rounds=2]}: serves the demo app ({@code demo})
 * or a corpus app, generates a suite the way a run does (crawl, rules, FMEA, Evolution with 3
 * verification runs), then times, in alternating rounds so a busy machine weighs on both alike, (a)
 * {@link SuiteVerifier} verifying the suite's tests again (each test 3 times, {@code workers}
 * contexts) and (b) {@code npx playwright test --repeat-each 3 --workers W} on the rendered
 * TypeScript project of the same tests, and prints both and the ratio ours/theirs.
 *
 * <p>With {@code -Dtestgen.bench.keep=DIR} the generated suite is kept in DIR and taken from there
 * on the next run (the generation takes minutes; its pages use paths relative to the base URL).
 */
public final class VerifyBenchmark {
  private static final int RUNS = 3;

  private VerifyBenchmark() {}

  public static void main(String[] args) throws Exception {
    String app = args.length > 0 ? args[0] : "demo";
    int workers = args.length > 1 ? Integer.parseInt(args[1]) : 2;
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 2;
    Path dir = Files.createTempDirectory("verify-benchmark");
    ArtifactStore artifacts = new ArtifactStore(dir.resolve("artifacts"));
    EvolutionSettings settings = EvolutionSettings.defaults().withParallelContexts(workers);
    try (FixtureServer site = serve(app);
        BrowserPool pool =
            new BrowserPool(
                BrowserSettings.fromEnvironment().withContexts(workers),
                TargetPolicy.allowingLoopback())) {
      String keep = System.getProperty("testgen.bench.keep");
      Path kept = keep == null ? dir.resolve("generated") : Path.of(keep, app);
      if (!Files.exists(kept.resolve("suite.json"))) {
        long g0 = System.nanoTime();
        EvolutionResult generated = generate(pool, artifacts, settings, site, app);
        System.out.printf(
            "generated on %s in %.1f s (%d candidates)%n",
            app, seconds(g0), generated.tests().size());
        Files.createDirectories(kept);
        Files.write(
            kept.resolve("suite-ts.zip"), artifacts.read(generated.suites().get("playwright-ts")));
        Files.write(kept.resolve("suite.json"), artifacts.read(generated.suites().get("model")));
      }
      SuiteModel model =
          JsonMapperFactory.shared()
              .readValue(kept.resolve("suite.json").toFile(), SuiteModel.class);
      List<GeneratedTest> suite = model.suiteTests();
      Path project =
          RenderedSuitesRunTest.unzip(Files.readAllBytes(kept.resolve("suite-ts.zip")), dir);
      Files.createSymbolicLink(
          project.resolve("node_modules"),
          PlaywrightTestModules.installed(TypeScriptSuiteRenderer.PLAYWRIGHT_VERSION));
      List<GeneratedTest> candidates =
          suite.stream()
              .map(t -> SuiteVerifier.with(t, t.steps(), "candidate", 0, 0, 0, List.of(), null))
              .toList();

      double ours = 0;
      double theirs = 0;
      for (int round = 1; round <= rounds; round++) {
        long t0 = System.nanoTime();
        List<GeneratedTest> verified = verify(pool, artifacts, settings, site, candidates);
        double o = seconds(t0);
        long t1 = System.nanoTime();
        CommandRun run =
            CommandRun.run(
                project,
                Map.of(
                    "BASE_URL",
                    site.baseUrl(),
                    "PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH",
                    RenderedSuitesRunTest.CHROMIUM,
                    "CI",
                    "1"),
                900,
                "npx",
                "--no-install",
                "playwright",
                "test",
                "--repeat-each",
                String.valueOf(RUNS),
                "--workers",
                String.valueOf(workers));
        double t = seconds(t1);
        ours += o;
        theirs += t;
        System.out.printf(
            "round %d: ours %.1f s (%s, %d runs), playwright test %.1f s (%s), ratio %.2f%n",
            round, o, statuses(verified), runs(verified), t, summary(run), o / t);
      }
      System.out.printf(
          "verification of %d tests x %d runs, %d workers, %d rounds on %s:%n"
              + "  ours (SuiteVerifier): %.1f s%n  theirs (npx playwright test --repeat-each %d"
              + " --workers %d): %.1f s%n  ratio ours/theirs: %.2f%n",
          suite.size(), RUNS, workers, rounds, app, ours, RUNS, workers, theirs, ours / theirs);
    }
  }

  private static FixtureServer serve(String app) {
    return "demo".equals(app)
        ? DemoSite.install(FixtureServer.start())
        : CorpusApps.create(app).install(FixtureServer.start());
  }

  /** Crawl, rules, FMEA and Evolution, as a run without login does them. */
  private static EvolutionResult generate(
      BrowserPool pool,
      ArtifactStore artifacts,
      EvolutionSettings settings,
      FixtureServer site,
      String app) {
    InProcessPipeline run = new InProcessPipeline(pool, artifacts, "wf-bench-" + app);
    ObservationResult observation = run.crawl(site.url("/"), 3, 30, null);
    RequirementsResult requirements = run.requirements(observation, 50, false);
    return run.evolve(site.url("/"), observation, requirements, null, RUNS, null, settings);
  }

  /**
   * The real verification path, what {@link SuiteEvolution} runs after building its tests, with as
   * many runs per test as {@code --repeat-each}.
   */
  private static List<GeneratedTest> verify(
      BrowserPool pool,
      ArtifactStore artifacts,
      EvolutionSettings settings,
      FixtureServer site,
      List<GeneratedTest> candidates) {
    VerificationStop stop = new VerificationStop();
    String baseUrl = SuiteEvolution.origin(site.url("/"));
    TestExecutor executor = new TestExecutor(pool, baseUrl, Map.of(), null, settings, stop);
    return new SuiteVerifier(pool, executor, artifacts, "wf-bench-verify", settings, stop)
        .verifyAll(candidates, RUNS, (verified, passed, total) -> {});
  }

  private static Map<String, Long> statuses(List<GeneratedTest> tests) {
    return tests.stream()
        .collect(Collectors.groupingBy(GeneratedTest::status, TreeMap::new, Collectors.counting()));
  }

  private static int runs(List<GeneratedTest> tests) {
    return tests.stream().mapToInt(GeneratedTest::runs).sum();
  }

  private static String summary(CommandRun run) {
    Matcher m = Pattern.compile("(\\d+) (passed|failed|flaky)").matcher(run.output());
    StringBuilder out = new StringBuilder("exit " + run.exitCode());
    while (m.find()) out.append(", ").append(m.group());
    return out.toString();
  }

  private static double seconds(long since) {
    return (System.nanoTime() - since) / 1e9;
  }
}
