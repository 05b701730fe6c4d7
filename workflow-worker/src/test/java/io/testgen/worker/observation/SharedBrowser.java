package io.testgen.worker.observation;

import io.testgen.common.agents.observation.ObservationRequest;
import io.testgen.common.agents.observation.ObservationResult;
import io.testgen.common.agents.observation.StateInfo;
import io.testgen.common.security.TargetPolicy;
import io.testgen.testkit.sites.FixtureServer;
import io.testgen.worker.artifacts.ArtifactStore;
import io.testgen.worker.browser.BrowserPool;
import io.testgen.worker.browser.TestBrowsers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.util.List;
import java.util.function.UnaryOperator;

/** One Chromium for all observation tests in the JVM (as in a worker), closed at exit. */
final class SharedBrowser {
  private static ArtifactStore artifacts;

  private SharedBrowser() {}

  static BrowserPool pool() {
    return TestBrowsers.shared();
  }

  static synchronized ArtifactStore artifacts() {
    if (artifacts == null) {
      try {
        artifacts = new ArtifactStore(Files.createTempDirectory("testgen-obs-artifacts"));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return artifacts;
  }

  static Crawler crawler(CrawlSettings settings) {
    return new Crawler(pool(), artifacts(), TargetPolicy.allowingLoopback(), settings);
  }

  static ObservationResult crawl(ObservationRequest request) {
    return crawler(CrawlSettings.defaults()).crawl(request, null, CrawlObserver.NONE);
  }

  /**
   * Crawls a fresh copy of a fixture site ({@code install} adds its routes to a started server)
   * from its start page, then stops the site.
   */
  static ObservationResult crawlFresh(
      UnaryOperator<FixtureServer> install, String workflowId, int depth, int pages) {
    try (FixtureServer site = install.apply(FixtureServer.start())) {
      return crawl(request(workflowId, site.url("/"), depth, pages));
    }
  }

  static ObservationRequest request(String workflowId, String url, int depth, int pages) {
    return new ObservationRequest(workflowId, url, depth, pages, null, null, null, false);
  }

  /** The path and query of a URL, e.g. {@code /tasks?created=x}. */
  static String pathOf(String url) {
    URI uri = URI.create(url);
    return uri.getRawPath()
        + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())
        + (uri.getRawFragment() == null ? "" : "#" + uri.getRawFragment());
  }

  /** The URL-reachable state (no replay path) whose URL has this path. */
  static StateInfo stateAt(ObservationResult result, String path) {
    List<StateInfo> matches =
        result.states().stream()
            .filter(
                s ->
                    s.path().isEmpty()
                        && s.instanceUrls().stream().anyMatch(u -> pathOf(u).equals(path)))
            .toList();
    if (matches.size() != 1)
      throw new AssertionError("expected one state at " + path + " but found " + matches.size());
    return matches.get(0);
  }
}
