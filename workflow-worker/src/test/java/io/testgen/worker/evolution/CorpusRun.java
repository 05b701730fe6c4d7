package io.testgen.worker.evolution;

import io.testgen.common.security.LoginCredentials;
import io.testgen.common.security.TargetPolicy;
import io.testgen.testkit.sites.FixtureServer;
import io.testgen.testkit.sites.corpus.CorpusApp;
import io.testgen.testkit.sites.corpus.CorpusApps;
import io.testgen.testkit.sites.corpus.GroundTruth;
import io.testgen.worker.artifacts.ArtifactStore;
import io.testgen.worker.browser.BrowserPool;
import io.testgen.worker.browser.BrowserSettings;
import java.nio.file.Path;

/**
 * One corpus app served on a free port, a guarded browser pool of two contexts and the agents
 * in-process on them: the setup of a test that runs the pipeline on a corpus app. Closing it stops
 * the pool and the app's server.
 */
final class CorpusRun implements AutoCloseable {
  final CorpusApp app;
  final GroundTruth truth;
  final FixtureServer site;
  final BrowserPool pool;
  final InProcessPipeline pipeline;

  private CorpusRun(CorpusApp app, FixtureServer site, BrowserPool pool, Path dir, String id) {
    this.app = app;
    this.truth = app.groundTruth();
    this.site = site;
    this.pool = pool;
    this.pipeline = new InProcessPipeline(pool, new ArtifactStore(dir), id);
  }

  /** The corpus app {@code name}, its artifacts under {@code dir}. */
  static CorpusRun open(String name, Path dir, String workflowId) {
    CorpusApp app = CorpusApps.create(name);
    FixtureServer site = app.install(FixtureServer.start());
    try {
      BrowserPool pool =
          new BrowserPool(
              BrowserSettings.fromEnvironment().withContexts(2), TargetPolicy.allowingLoopback());
      return new CorpusRun(app, site, pool, dir, workflowId);
    } catch (RuntimeException e) {
      site.close();
      throw e;
    }
  }

  /** Where a crawl of the app starts. */
  String start() {
    return site.url(truth.startPath());
  }

  /** The app's own login, signing in at {@code path}; null for an app without one. */
  LoginCredentials login(String path) {
    return truth.login() == null
        ? null
        : new LoginCredentials(truth.login().username(), truth.login().password(), path);
  }

  @Override
  public void close() {
    try (FixtureServer s = site) {
      pool.close();
    }
  }
}
