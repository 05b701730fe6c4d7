package io.testgen.worker.analysis;

import io.testgen.common.agents.analysis.AnalysisRequest;
import io.testgen.common.agents.analysis.AnalysisResult;
import io.testgen.common.agents.observation.ObservationRequest;
import io.testgen.common.agents.observation.ObservationResult;
import io.testgen.common.agents.requirements.RequirementsRequest;
import io.testgen.common.agents.requirements.RequirementsResult;
import io.testgen.common.json.JsonMapperFactory;
import io.testgen.common.security.LoginCredentials;
import io.testgen.common.security.TargetPolicy;
import io.testgen.testkit.sites.FixtureServer;
import io.testgen.testkit.sites.corpus.CorpusApp;
import io.testgen.testkit.sites.corpus.CorpusApps;
import io.testgen.testkit.sites.corpus.GroundTruth;
import io.testgen.worker.artifacts.ArtifactStore;
import io.testgen.worker.browser.BrowserPool;
import io.testgen.worker.browser.BrowserSettings;
import io.testgen.worker.observation.CrawlObserver;
import io.testgen.worker.observation.CrawlSettings;
import io.testgen.worker.observation.Crawler;
import io.testgen.worker.requirements.RecordingProgressPublisher;
import io.testgen.worker.requirements.RequirementsActivitiesImpl;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Observation, Requirements and Analysis on one corpus app (or any site), as a run does them but
 * without Temporal: a real Chromium crawl of the app served by a {@link FixtureServer}, then the
 * rule-derived scenarios (no LLM) and their FMEA ranking.
 */
final class CorpusPipeline implements AutoCloseable {
  /** Every scenario the rules derive (the request's cap at its maximum). */
  static final int ALL_SCENARIOS = 100;

  /** What one run produced, with the app's ground truth. */
  record Run(
      String app,
      GroundTruth truth,
      ObservationResult observation,
      RequirementsResult requirements,
      AnalysisResult analysis) {}

  private final BrowserPool pool =
      new BrowserPool(
          BrowserSettings.fromEnvironment().withContexts(2), TargetPolicy.allowingLoopback());
  private final ArtifactStore artifacts;

  CorpusPipeline() {
    try {
      artifacts = new ArtifactStore(Files.createTempDirectory("testgen-risk-artifacts"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Crawls the corpus app {@code name} (signed in when it has a login) and ranks its scenarios.
   * With {@code -Dtestgen.risk.observations=<dir>}, a crawl's observation is kept there and read
   * back on the next run, so rule changes can be tried without crawling again.
   */
  Run corpus(String name, int depth, int pages) {
    CorpusApp app = CorpusApps.create(name);
    GroundTruth truth = app.groundTruth();
    String kept = System.getProperty("testgen.risk.observations");
    Path file = kept == null ? null : Path.of(kept, name + ".json");
    try {
      if (file != null && Files.exists(file)) {
        ObservationResult observation =
            JsonMapperFactory.shared().readValue(file.toFile(), ObservationResult.class);
        return rank(name, truth, observation, truth.login() != null);
      }
      Run run = crawl(name, app, truth, depth, pages);
      if (file != null) {
        Files.createDirectories(file.getParent());
        JsonMapperFactory.shared().writeValue(file.toFile(), run.observation());
      }
      return run;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Run crawl(String name, CorpusApp app, GroundTruth truth, int depth, int pages) {
    try (FixtureServer server = app.install(FixtureServer.start())) {
      LoginCredentials login =
          truth.login() == null
              ? null
              : new LoginCredentials(
                  truth.login().username(), truth.login().password(), loginPath(truth));
      ObservationResult observation =
          observe(
              new ObservationRequest(
                  "wf-risk-" + name,
                  server.url(truth.startPath()),
                  depth,
                  pages,
                  null,
                  login,
                  null,
                  false));
      return rank(name, truth, observation, login != null);
    }
  }

  /** Crawls {@code url} and ranks its scenarios; {@code truth} may be null. */
  Run site(String name, String url, int depth, int pages) {
    ObservationResult observation =
        observe(
            new ObservationRequest("wf-risk-" + name, url, depth, pages, null, null, null, false));
    return rank(name, null, observation, false);
  }

  private ObservationResult observe(ObservationRequest request) {
    Crawler crawler =
        new Crawler(pool, artifacts, TargetPolicy.allowingLoopback(), CrawlSettings.defaults());
    return crawler.crawl(request, null, CrawlObserver.NONE);
  }

  private static Run rank(
      String name, GroundTruth truth, ObservationResult observation, boolean credentials) {
    RequirementsResult requirements =
        new RequirementsActivitiesImpl(new RecordingProgressPublisher())
            .deriveRequirements(
                new RequirementsRequest(
                    "wf-risk-" + name, observation, null, null, ALL_SCENARIOS, false, credentials));
    AnalysisResult analysis =
        new AnalysisActivitiesImpl(new RecordingProgressPublisher())
            .analyse(new AnalysisRequest("wf-risk-" + name, observation, requirements));
    return new Run(name, truth, observation, requirements, analysis);
  }

  /** The path of the login template (its regex without anchors), where a crawl signs in. */
  private static String loginPath(GroundTruth truth) {
    return truth.templates().stream()
        .filter(t -> t.id().equals("login"))
        .map(t -> t.path().replace("^", "").replace("$", ""))
        .findFirst()
        .orElse(truth.startPath());
  }

  @Override
  public void close() {
    pool.close();
  }
}
