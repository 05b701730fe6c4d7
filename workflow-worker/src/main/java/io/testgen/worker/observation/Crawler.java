package io.testgen.worker.observation;

import io.testgen.common.agents.observation.ObservationRequest;
import io.testgen.common.agents.observation.ObservationResult;
import io.testgen.common.security.TargetPolicy;
import io.testgen.worker.artifacts.ArtifactStore;
import io.testgen.worker.browser.BrowserPool;

/**
 * Explores a web app in real Chromium and returns its state graph. Several browser contexts crawl
 * in parallel from one shared frontier ({@link CrawlLoop}): each loads a page or replays the
 * actions that reach an in-page state ({@link Replayer}), records what it sees ({@link
 * StateRecorder}), follows its links, tries its actions ({@link ActionExplorer}) and submits the
 * forms the {@link FormPolicy} allows ({@link FormExplorer}), signed in when asked ({@link
 * LoginSession}). Usable inside or outside a Temporal activity: the {@link CrawlObserver} is the
 * only link to the outside.
 */
public final class Crawler {
  private final BrowserPool pool;
  private final ArtifactStore artifacts;
  private final TargetPolicy policy;
  private final CrawlSettings settings;

  public Crawler(
      BrowserPool pool, ArtifactStore artifacts, TargetPolicy policy, CrawlSettings settings) {
    this.pool = pool;
    this.artifacts = artifacts;
    this.policy = policy;
    this.settings = settings;
  }

  public CrawlSettings settings() {
    return settings;
  }

  /**
   * Crawls {@code request.url()} (already validated), resuming from {@code resume} when given.
   * Blocks until the frontier is exhausted, a budget is spent, or the observer throws. No single
   * page fails the crawl; a target of which no page showed a state throws {@link
   * TargetUnusableException}.
   */
  public ObservationResult crawl(
      ObservationRequest request, CrawlCheckpoint resume, CrawlObserver observer) {
    CrawlContext ctx = CrawlContext.of(request, settings);
    return new CrawlLoop(ctx, pool, artifacts, policy, resume).execute(observer);
  }
}
